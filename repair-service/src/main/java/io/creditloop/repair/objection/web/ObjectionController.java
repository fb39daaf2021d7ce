package io.creditloop.repair.objection.web;

import io.creditloop.repair.objection.Objection;
import io.creditloop.repair.objection.ObjectionService;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.UUID;

/** R10: objections against listings. */
@RestController
@RequestMapping("/api/repair/objections")
class ObjectionController {

    private final ObjectionService objections;

    ObjectionController(ObjectionService objections) {
        this.objections = objections;
    }

    @PostMapping
    ResponseEntity<Objection> file(@Valid @RequestBody ObjectionRequest request, UriComponentsBuilder uri) {
        Objection filed = objections.file(request.toNewObjection());
        return ResponseEntity.created(uri.path("/api/repair/objections/{id}").buildAndExpand(filed.id()).toUri())
                .body(filed);
    }

    @GetMapping("/{id}")
    Objection objection(@PathVariable UUID id) {
        return objections.find(id).orElseThrow(() -> new ObjectionNotFoundException(id));
    }
}
