package io.creditloop.identification.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The sheets of an upload that hold a template, each with its header row, found by reading only the first rows of
 * each sheet. The same file always gives the same plan, so processing and the report recompute it.
 */
public record UploadPlan(List<SheetPlan> sheets, List<String> notes) {

    public record SheetPlan(int index, String name, TemplateMapping.Header header) {
    }

    /**
     * @param listType the list type code given for every row, or {@code null}
     * @throws InvalidUploadException when no sheet has a template header with data rows below it, or a header lacks a
     *                                required column
     */
    public static UploadPlan of(SpreadsheetFile file, String listType, String department, int headerSearchRows) {
        List<SheetPlan> sheets = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> headerOnly = new ArrayList<>();
        List<String> names = file.sheetNames();
        for (int i = 0; i < names.size(); i++) {
            List<SheetRow> first = new ArrayList<>();
            TemplateMapping.HeaderMatch[] match = {new TemplateMapping.NotHeader()};
            SheetWalk[] below = {null};
            boolean[] data = {false};
            try {
                file.probe(i, row -> {
                    if (below[0] != null) {
                        data[0] = isData(below[0], row);
                        return !data[0];
                    }
                    if (row.isEmpty()) {
                        return true;
                    }
                    first.add(row);
                    match[0] = TemplateMapping.findHeader(first, listType != null);
                    if (match[0] instanceof TemplateMapping.Found found) {
                        // read on to the first data row: a sheet with a header and nothing below it has nothing to take
                        below[0] = new SheetWalk(found.header(), listType != null);
                        return true;
                    }
                    if (match[0] instanceof TemplateMapping.Incomplete incomplete) {
                        // one more row, in case it is the lower half of a two-level header
                        return row.number() == incomplete.row();
                    }
                    return first.size() < headerSearchRows;
                });
            } catch (UnreadableSpreadsheetException e) {
                throw new InvalidUploadException("file", "工作表“" + names.get(i) + "”无法读取，文件可能已损坏 (sheet "
                        + names.get(i) + " cannot be read; the file may be damaged)");
            }
            if (match[0] instanceof TemplateMapping.Found found) {
                if (data[0]) {
                    sheets.add(new SheetPlan(i, names.get(i), found.header()));
                    notes.addAll(TemplateMapping.notes(names.get(i), found.header(), listType, department));
                } else {
                    headerOnly.add(names.get(i));
                    notes.add("工作表“" + names.get(i) + "”只有表头，没有数据行，已跳过 (sheet " + names.get(i)
                            + " has a header but no data rows and was skipped)");
                }
            } else if (match[0] instanceof TemplateMapping.Incomplete incomplete) {
                throw new InvalidUploadException("file", "工作表“" + names.get(i) + "”" + incomplete.message()
                        + "；未写入任何记录 (nothing was written)");
            } else if (!first.isEmpty()) {
                notes.add("工作表“" + names.get(i) + "”前 " + headerSearchRows + " 行中没有模板表头，已跳过 (sheet "
                        + names.get(i) + " has no template header in its first rows and was skipped)");
            }
        }
        if (sheets.isEmpty() && !headerOnly.isEmpty()) {
            throw new InvalidUploadException("file", "文件只有表头，没有数据行 (" + String.join("、", headerOnly)
                    + ")：请在表头下填写名单记录后上传 (the file has a template header but no data rows below it)");
        }
        if (sheets.isEmpty()) {
            throw new InvalidUploadException("file", "没有找到模板表头：请使用黄石附表1（名单类型、名称/姓名、统一社会信用代码、"
                    + "法定代表人、身份证号码、列入名单事由、认定部门、认定依据、认定日期、有效期）或大冶附件4（目录事项、企业名称或姓名、"
                    + "组织机构代码或证件类型和证件号码、公布类别、认定时间、有效期、备注）的表头 (no header row of a known "
                    + "template was found in the first " + headerSearchRows + " rows)");
        }
        return new UploadPlan(List.copyOf(sheets), List.copyOf(notes));
    }

    /** A row the processing would read; a later header that lacks columns counts, so processing reports it. */
    private static boolean isData(SheetWalk walk, SheetRow row) {
        try {
            return walk.step(row) instanceof SheetWalk.Data;
        } catch (UnreadableSpreadsheetException e) {
            return true;
        }
    }

    public String templates() {
        return sheets.stream().map(s -> s.header().template().name()).distinct().collect(Collectors.joining(","));
    }
}
