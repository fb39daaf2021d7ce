package io.creditloop.sharing.forward.web;

import io.creditloop.security.Caller;
import io.creditloop.sharing.access.SharingAccess;
import io.creditloop.sharing.forward.DepartmentNotice;
import io.creditloop.sharing.forward.DepartmentNotices;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** R6: a department reads why upstream platforms refused its records, to correct and resubmit them. */
@RestController
@RequestMapping("/api/sharing/departments/{department}/rejections")
class DepartmentNoticeController {

    private final DepartmentNotices notices;

    DepartmentNoticeController(DepartmentNotices notices) {
        this.notices = notices;
    }

    @GetMapping
    @Operation(summary = "R6: the department's records refused by an upstream platform, with the reason, newest first")
    Paging.Page<DepartmentNotice> rejections(@PathVariable String department,
                                             @RequestParam(defaultValue = "0") int page,
                                             @RequestParam(defaultValue = "50") int size, Caller caller) {
        SharingAccess.requireDepartment(caller, department);
        Paging.check(page, size);
        String code = Paging.code("department", department);
        return new Paging.Page<>(notices.ofDepartment(code, page, size), page, size, notices.countOfDepartment(code));
    }
}
