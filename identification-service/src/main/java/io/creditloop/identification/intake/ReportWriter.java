package io.creditloop.identification.intake;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;

/**
 * The upload report as a workbook (always .xlsx, for CSV uploads too): every sheet that held a template, its rows
 * where the original has them, and an added column 错误原因 with the reasons of each rejected row. Written with
 * SXSSF (a window of rows in memory, the rest in compressed temporary files) while the original is streamed again and
 * the rejections are paged in, so a report of a 1,000,000-row upload takes bounded memory.
 */
@Component
public class ReportWriter {

    public static final String ERROR_COLUMN = "错误原因";
    private static final int PAGE = 1000;
    private static final int WINDOW = 200;

    private final IntakeUploads uploads;
    private final IntakeProperties properties;

    public ReportWriter(IntakeUploads uploads, IntakeProperties properties) {
        this.uploads = uploads;
        this.properties = properties;
    }

    /** @throws UploadNotFinishedException while the upload is still waiting or running */
    public void write(IntakeUpload upload, OutputStream out) throws IOException {
        checkReady(upload);
        SXSSFWorkbook workbook = new SXSSFWorkbook(null, WINDOW, true, false);
        try (SpreadsheetFile file = Spreadsheets.open(upload.storedPath(), upload.format())) {
            CellStyle bold = workbook.createCellStyle();
            Font boldFont = workbook.createFont();
            boldFont.setBold(true);
            bold.setFont(boldFont);
            CellStyle error = workbook.createCellStyle();
            Font red = workbook.createFont();
            red.setColor(IndexedColors.RED.getIndex());
            error.setFont(red);
            error.setWrapText(true);

            UploadPlan plan = UploadPlan.of(file, upload.listType(), upload.department(),
                    properties.headerSearchRows());
            for (UploadPlan.SheetPlan sheetPlan : plan.sheets()) {
                Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(sheetPlan.name()));
                int errorColumn = sheetPlan.header().lastColumn() + 1;
                sheet.setColumnWidth(errorColumn, 60 * 256);
                RejectionCursor rejections = new RejectionCursor(upload.id(), sheetPlan.index());
                SheetWalk walk = new SheetWalk(sheetPlan.header(), upload.listType() != null);
                try {
                    file.read(sheetPlan.index(), false, row -> {
                        Row target = sheet.createRow(row.number() - 1);
                        for (int c = 0; c < row.width(); c++) {
                            String value = row.cells().get(c);
                            if (value != null) {
                                target.createCell(c < errorColumn ? c : c + 1).setCellValue(value);
                            }
                        }
                        SheetWalk.Step step;
                        try {
                            step = walk.step(row);
                        } catch (UnreadableSpreadsheetException e) {
                            step = new SheetWalk.Skip();
                        }
                        if (step instanceof SheetWalk.Header) {
                            var cell = target.createCell(errorColumn);
                            cell.setCellValue(ERROR_COLUMN);
                            cell.setCellStyle(bold);
                        } else {
                            String reasons = rejections.reasonsFor(row.number());
                            if (reasons != null) {
                                var cell = target.createCell(errorColumn);
                                cell.setCellValue(reasons.length() > CsvFile.MAX_CELL
                                        ? reasons.substring(0, CsvFile.MAX_CELL) : reasons);
                                cell.setCellStyle(error);
                            }
                        }
                        return true;
                    });
                } catch (UnreadableSpreadsheetException e) {
                    // a FAILED upload: the report holds the rows before the damage, as processing did
                }
            }
            workbook.write(out);
        } finally {
            workbook.dispose();
            workbook.close();
        }
    }

    /** @throws UploadNotFinishedException while the upload is still waiting or running */
    public void checkReady(IntakeUpload upload) {
        if (!upload.finished()) {
            throw new UploadNotFinishedException("上传仍在处理中，完成后才能下载报告 (the upload is " + upload.state()
                    + "; the report is ready when it is DONE or FAILED)");
        }
    }

    /** Pages through a sheet's rejections in row order alongside the rows. */
    private final class RejectionCursor {

        private final UUID uploadId;
        private final int sheetIndex;
        private final Deque<Rejection> buffer = new ArrayDeque<>();
        private int after;
        private boolean exhausted;

        RejectionCursor(UUID uploadId, int sheetIndex) {
            this.uploadId = uploadId;
            this.sheetIndex = sheetIndex;
        }

        String reasonsFor(int row) {
            List<String> reasons = new ArrayList<>();
            while (true) {
                if (buffer.isEmpty() && !fill()) {
                    break;
                }
                Rejection next = buffer.peekFirst();
                if (next.row() > row) {
                    break;
                }
                buffer.pollFirst();
                if (next.row() == row) {
                    reasons.add(next.column() + "：" + next.message());
                }
            }
            return reasons.isEmpty() ? null : String.join("\n", reasons);
        }

        /** The next page, without splitting a row's reasons over two pages. */
        private boolean fill() {
            if (exhausted) {
                return false;
            }
            List<Rejection> page = uploads.rejectionsAfter(uploadId, sheetIndex, after, PAGE);
            if (page.size() < PAGE) {
                exhausted = true;
            } else {
                int lastRow = page.get(page.size() - 1).row();
                List<Rejection> whole = page.stream().filter(r -> r.row() < lastRow).toList();
                if (!whole.isEmpty()) {
                    page = whole;
                }
            }
            if (page.isEmpty()) {
                return false;
            }
            buffer.addAll(page);
            after = page.get(page.size() - 1).row();
            return true;
        }
    }
}
