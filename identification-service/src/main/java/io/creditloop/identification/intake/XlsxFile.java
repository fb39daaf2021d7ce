package io.creditloop.identification.intake;

import com.github.pjfanning.poi.xssf.streaming.TempFileSharedStringsTable;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

/**
 * An .xlsx upload read with POI's event API: the package is opened from disk (zip entries are inflated as they are
 * read, with POI's zip-bomb guards), the sheet XML is parsed with SAX, and the shared strings of a full read live in a
 * temporary file (pjfanning's {@code TempFileSharedStringsTable}), so a 1,000,000-row workbook is read in bounded
 * memory. Never an {@code XSSFWorkbook}.
 * <p>
 * The sheet handler is our own rather than POI's {@code XSSFSheetXMLHandler}, because that one turns every number into
 * a {@code double} before formatting it: an 18-digit ID number a generator wrote into a numeric cell would lose its
 * last digits. Here a number keeps the digits written in the file, a date-formatted number becomes an ISO date, a
 * formula gives its cached value.
 */
public final class XlsxFile implements SpreadsheetFile {

    static final int MAX_COLUMNS = 16_384;
    private static final int PROBE_SHARED_STRINGS = 200_000;
    private static final Pattern INTEGER = Pattern.compile("-?\\d+");

    private final OPCPackage pkg;
    private final StylesTable styles;
    private final boolean date1904;
    private final List<String> names = new ArrayList<>();
    private final List<PackagePart> parts = new ArrayList<>();
    private final Map<Integer, Boolean> dateStyles = new HashMap<>();
    private final Map<Integer, List<CellRangeAddress>> merges = new HashMap<>();
    private TempFileSharedStringsTable sharedStrings;

    private XlsxFile(OPCPackage pkg) throws Exception {
        this.pkg = pkg;
        PackagePart workbook = pkg.getPart(pkg.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT)
                .getRelationship(0));
        if (workbook == null || !workbook.getContentType().contains("spreadsheetml")) {
            throw new IOException("the package is not a spreadsheet");
        }
        XSSFReader reader = new XSSFReader(pkg);
        this.styles = reader.getStylesTable();
        this.date1904 = date1904(reader);
        XSSFReader.SheetIterator sheets = reader.getSheetIterator();
        while (sheets.hasNext()) {
            try (InputStream ignored = sheets.next()) {
                names.add(sheets.getSheetName());
                parts.add(sheets.getSheetPart());
            }
        }
    }

    /** @throws IOException when the file is not a readable .xlsx workbook */
    public static XlsxFile open(Path file) throws IOException {
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (Exception e) {
            throw new IOException("not an OOXML package: " + e.getMessage(), e);
        }
        try {
            return new XlsxFile(pkg);
        } catch (Exception e) {
            pkg.revert();
            throw new IOException("not a readable workbook: " + e.getMessage(), e);
        }
    }

    @Override
    public SpreadsheetFormat format() {
        return SpreadsheetFormat.XLSX;
    }

    @Override
    public List<String> sheetNames() {
        return List.copyOf(names);
    }

    /** Shared strings are streamed from the start only as far as the first rows need; a huge table falls back. */
    @Override
    public void probe(int sheet, RowHandler handler) {
        int[] delivered = {0};
        try (ForwardSharedStrings strings = new ForwardSharedStrings(pkg, PROBE_SHARED_STRINGS)) {
            parse(sheet, strings, row -> {
                delivered[0] = row.number();
                return handler.row(row);
            });
        } catch (ForwardSharedStrings.TooFar e) {
            parse(sheet, fullSharedStrings(), row -> row.number() <= delivered[0] || handler.row(row));
        } catch (IOException e) {
            throw new UnreadableSpreadsheetException("工作表无法读取 (the sheet cannot be read)", 0, e);
        }
    }

    /** The merged regions are listed after the rows, so this pass is needed anyway; it is kept for the read. */
    @Override
    public void check(int sheet) {
        fullSharedStrings();
        verticalMerges(sheet);
    }

    @Override
    public void read(int sheet, boolean fillMerged, RowHandler handler) {
        IntFunction<String> strings = fullSharedStrings();
        RowHandler target = handler;
        if (fillMerged) {
            List<CellRangeAddress> merged = verticalMerges(sheet);
            if (!merged.isEmpty()) {
                target = new MergeFill(merged, handler);
            }
        }
        parse(sheet, strings, target);
    }

    private IntFunction<String> fullSharedStrings() {
        if (sharedStrings == null) {
            try {
                sharedStrings = new TempFileSharedStringsTable(pkg, false, false);
            } catch (Exception e) {
                throw new UnreadableSpreadsheetException("共享字符串表无法读取 (the shared strings table cannot be read)",
                        0, e);
            }
        }
        TempFileSharedStringsTable table = sharedStrings;
        return index -> index < table.getUniqueCount() ? table.getItemAt(index).getString() : null;
    }

    private void parse(int sheet, IntFunction<String> strings, RowHandler handler) {
        SheetHandler sax = new SheetHandler(strings, handler);
        try (InputStream in = parts.get(sheet).getInputStream()) {
            XMLReader xml = XMLHelper.newXMLReader();
            xml.setContentHandler(sax);
            xml.parse(new InputSource(in));
        } catch (StopParsing stop) {
            // the handler had what it wanted, or the end of the sheet data was reached
        } catch (ForwardSharedStrings.TooFar e) {
            throw e;
        } catch (Exception e) {
            if (sax.failure != null) {
                throw sax.failure;
            }
            throw new UnreadableSpreadsheetException("工作表“" + names.get(sheet) + "”在第 " + sax.lastRow
                    + " 行之后无法读取 (the sheet cannot be read after row " + sax.lastRow + "): " + reason(e),
                    sax.lastRow, e);
        }
        if (sax.failure != null) {
            throw sax.failure;
        }
    }

    /** Merged regions are listed after the sheet data, so they take a pass of their own before the rows. */
    private List<CellRangeAddress> verticalMerges(int sheet) {
        List<CellRangeAddress> known = merges.get(sheet);
        if (known != null) {
            return known;
        }
        List<CellRangeAddress> merged = new ArrayList<>();
        int[] lastRow = {0};
        try (InputStream in = parts.get(sheet).getInputStream()) {
            XMLReader xml = XMLHelper.newXMLReader();
            xml.setContentHandler(new DefaultHandler() {
                @Override
                public void startElement(String uri, String localName, String qName, Attributes attributes) {
                    String name = local(localName, qName);
                    if ("row".equals(name)) {
                        String r = attributes.getValue("r");
                        lastRow[0] = r == null ? lastRow[0] + 1 : Integer.parseInt(r) - 1;
                    } else if ("mergeCell".equals(name)) {
                        String ref = attributes.getValue("ref");
                        if (ref != null && ref.contains(":")) {
                            CellRangeAddress range = CellRangeAddress.valueOf(ref);
                            if (range.getLastRow() > range.getFirstRow()) {
                                merged.add(range);
                            }
                        }
                    }
                }
            });
            xml.parse(new InputSource(in));
        } catch (Exception e) {
            throw new UnreadableSpreadsheetException("工作表“" + names.get(sheet) + "”在第 " + lastRow[0]
                    + " 行之后无法读取 (the sheet cannot be read after row " + lastRow[0] + "): " + reason(e),
                    lastRow[0], e);
        }
        merged.sort(Comparator.comparingInt(CellRangeAddress::getFirstRow));
        merges.put(sheet, merged);
        return merged;
    }

    static String reason(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }

    private boolean isDateStyle(int styleIndex) {
        if (styles == null || styleIndex < 0) {
            return false;
        }
        return dateStyles.computeIfAbsent(styleIndex, i -> {
            if (i >= styles.getNumCellStyles()) {
                return false;
            }
            XSSFCellStyle style = styles.getStyleAt(i);
            if (style == null) {
                return false;
            }
            int format = style.getDataFormat() & 0xFFFF;
            // the built-in CJK date formats (yyyy"年"m"月"d"日" and kin) have no format string in the file
            if ((format >= 27 && format <= 36) || (format >= 50 && format <= 58)) {
                return true;
            }
            return DateUtil.isADateFormat(format, style.getDataFormatString());
        });
    }

    private static boolean date1904(XSSFReader reader) {
        boolean[] found = {false};
        try (InputStream in = reader.getWorkbookData()) {
            XMLReader xml = XMLHelper.newXMLReader();
            xml.setContentHandler(new DefaultHandler() {
                @Override
                public void startElement(String uri, String localName, String qName, Attributes attributes)
                        throws SAXException {
                    String name = local(localName, qName);
                    if ("workbookPr".equals(name)) {
                        String value = attributes.getValue("date1904");
                        found[0] = "1".equals(value) || "true".equalsIgnoreCase(value);
                        throw new StopParsing();
                    }
                    if ("sheets".equals(name)) {
                        throw new StopParsing();
                    }
                }
            });
            xml.parse(new InputSource(in));
        } catch (StopParsing done) {
            // read as far as needed
        } catch (Exception e) {
            return false;
        }
        return found[0];
    }

    private static String local(String localName, String qName) {
        if (localName != null && !localName.isEmpty()) {
            return localName;
        }
        int colon = qName.indexOf(':');
        return colon < 0 ? qName : qName.substring(colon + 1);
    }

    /** 0-based column of a cell reference such as {@code AB12}; -1 when there is none. */
    static int column(String ref) {
        if (ref == null) {
            return -1;
        }
        int column = 0;
        int i = 0;
        while (i < ref.length() && Character.isLetter(ref.charAt(i))) {
            column = column * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
            i++;
        }
        return i == 0 ? -1 : column - 1;
    }

    @Override
    public void close() {
        if (sharedStrings != null) {
            try {
                sharedStrings.close();
            } catch (IOException ignored) {
                // a temporary file left behind; the JVM removes it on exit
            }
        }
        pkg.revert();
    }

    /** Thrown inside SAX to stop parsing early; not an error. */
    static final class StopParsing extends SAXException {
        StopParsing() {
            super("stop", null);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    /** SAX handler for one worksheet's {@code sheetData}: rows out, in order, each with its cells as text. */
    private final class SheetHandler extends DefaultHandler {

        private final IntFunction<String> strings;
        private final RowHandler handler;
        private final StringBuilder text = new StringBuilder();
        private List<String> cells = new ArrayList<>();
        private BitSet numeric = new BitSet();
        private BitSet uncalculated = new BitSet();
        private int rowNumber;
        private int lastRow;
        private int column;
        private String type;
        private int style;
        private boolean inValue;
        private boolean inInline;
        private boolean inInlineText;
        private boolean inPhonetic;
        private boolean hasValue;
        private boolean hasFormula;
        RuntimeException failure;

        SheetHandler(IntFunction<String> strings, RowHandler handler) {
            this.strings = strings;
            this.handler = handler;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (local(localName, qName)) {
                case "row" -> {
                    String r = attributes.getValue("r");
                    rowNumber = r == null ? lastRowSeen() + 1 : Integer.parseInt(r);
                    cells = new ArrayList<>();
                    numeric = new BitSet();
                    uncalculated = new BitSet();
                    column = -1;
                }
                case "c" -> {
                    int col = column(attributes.getValue("r"));
                    column = col >= 0 ? col : column + 1;
                    type = attributes.getValue("t");
                    String s = attributes.getValue("s");
                    style = s == null ? -1 : Integer.parseInt(s);
                    hasValue = false;
                    hasFormula = false;
                    text.setLength(0);
                }
                case "f" -> hasFormula = true;
                case "v" -> {
                    inValue = true;
                    text.setLength(0);
                }
                case "is" -> {
                    inInline = true;
                    text.setLength(0);
                }
                case "t" -> inInlineText = inInline;
                case "rPh" -> inPhonetic = true;
                default -> {
                    // sheetPr, cols, ...: a formula's cached value is in v
                }
            }
        }

        private int lastRowSeen() {
            return Math.max(lastRow, rowNumber);
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if ((inValue || (inInlineText && !inPhonetic)) && text.length() < CsvFile.MAX_CELL) {
                text.append(ch, start, Math.min(length, CsvFile.MAX_CELL - text.length()));
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            switch (local(localName, qName)) {
                case "v" -> {
                    inValue = false;
                    hasValue = true;
                }
                case "t" -> inInlineText = false;
                case "rPh" -> inPhonetic = false;
                case "is" -> {
                    inInline = false;
                    hasValue = true;
                }
                case "c" -> {
                    if (!hasValue && hasFormula && column < MAX_COLUMNS) {
                        uncalculated.set(column);
                    }
                    if (hasValue && column < MAX_COLUMNS) {
                        String value;
                        try {
                            value = decode();
                        } catch (ForwardSharedStrings.TooFar e) {
                            failure = e;
                            throw new StopParsing();
                        }
                        if (value != null && !value.isEmpty()) {
                            while (cells.size() <= column) {
                                cells.add(null);
                            }
                            cells.set(column, value);
                        }
                    }
                }
                case "row" -> {
                    SheetRow row = new SheetRow(rowNumber, cells, numeric, new BitSet(), uncalculated);
                    lastRow = rowNumber;
                    if (!row.isEmpty()) {
                        boolean more;
                        try {
                            more = handler.row(row);
                        } catch (RuntimeException e) {
                            failure = e;
                            throw new StopParsing();
                        }
                        if (!more) {
                            throw new StopParsing();
                        }
                    }
                }
                case "sheetData" -> throw new StopParsing();
                default -> {
                    // nothing to close
                }
            }
        }

        private String decode() {
            String raw = text.toString();
            if (type == null || type.equals("n")) {
                return number(raw);
            }
            return switch (type) {
                case "s" -> raw.isBlank() ? null : strings.apply(Integer.parseInt(raw.strip()));
                case "b" -> "1".equals(raw.strip()) ? "TRUE" : "FALSE";
                case "d" -> raw.length() >= 10 ? raw.substring(0, 10) : raw;
                default -> raw; // inlineStr, str (a formula's text), e (#N/A and kin)
            };
        }

        private String number(String raw) {
            String value = raw.strip();
            if (value.isEmpty()) {
                return null;
            }
            numeric.set(column);
            if (isDateStyle(style)) {
                try {
                    double serial = Double.parseDouble(value);
                    if (DateUtil.isValidExcelDate(serial)) {
                        return DateUtil.getLocalDateTime(serial, date1904).toLocalDate().toString();
                    }
                } catch (NumberFormatException e) {
                    return value;
                }
            }
            if (INTEGER.matcher(value).matches()) {
                return value;
            }
            try {
                BigDecimal decimal = new BigDecimal(value).stripTrailingZeros();
                return decimal.scale() < 0 ? decimal.setScale(0).toPlainString() : decimal.toPlainString();
            } catch (NumberFormatException e) {
                return value;
            }
        }
    }

    /**
     * Copies the value at the top of a vertically merged region into the rows below it, as a clerk who merged the
     * 名单类型 cells of several rows expects. Horizontal spans stay empty: the text belongs to the first column.
     */
    private static final class MergeFill implements RowHandler {

        private record Active(CellRangeAddress range, String value) {
        }

        private final List<CellRangeAddress> merged;
        private final RowHandler next;
        private final List<Active> active = new ArrayList<>();
        private int cursor;

        MergeFill(List<CellRangeAddress> merged, RowHandler next) {
            this.merged = merged;
            this.next = next;
        }

        @Override
        public boolean row(SheetRow row) {
            int index = row.number() - 1;
            active.removeIf(a -> a.range().getLastRow() < index);
            while (cursor < merged.size() && merged.get(cursor).getFirstRow() <= index) {
                CellRangeAddress range = merged.get(cursor++);
                String value = range.getFirstRow() == index ? row.cell(range.getFirstColumn()) : null;
                if (value != null) {
                    active.add(new Active(range, value));
                }
            }
            List<String> cells = null;
            BitSet inherited = null;
            for (Active a : active) {
                int col = a.range().getFirstColumn();
                if (a.range().getFirstRow() < index && row.cell(col) == null) {
                    if (cells == null) {
                        cells = new ArrayList<>(row.cells());
                        inherited = (BitSet) row.inherited().clone();
                    }
                    while (cells.size() <= col) {
                        cells.add(null);
                    }
                    cells.set(col, a.value());
                    inherited.set(col);
                }
            }
            return next.row(cells == null ? row
                    : new SheetRow(row.number(), cells, row.numeric(), inherited, row.uncalculated()));
        }
    }

    /**
     * The shared strings table read forward only as far as the requested index, held in memory, for a probe of the
     * first rows: Excel numbers strings in order of first use, so the headers are near the start.
     */
    private static final class ForwardSharedStrings implements IntFunction<String>, AutoCloseable {

        static final class TooFar extends RuntimeException {
            TooFar() {
                super("shared string beyond the probe's limit", null, false, false);
            }
        }

        private final javax.xml.stream.XMLStreamReader xml;
        private final InputStream in;
        private final List<String> loaded = new ArrayList<>();
        private final int limit;
        private boolean exhausted;

        ForwardSharedStrings(OPCPackage pkg, int limit) throws IOException {
            this.limit = limit;
            List<PackagePart> parts = pkg.getPartsByContentType(
                    org.apache.poi.xssf.usermodel.XSSFRelation.SHARED_STRINGS.getContentType());
            if (parts.isEmpty()) {
                in = null;
                xml = null;
                exhausted = true;
                return;
            }
            in = parts.get(0).getInputStream();
            try {
                xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(in);
            } catch (javax.xml.stream.XMLStreamException e) {
                in.close();
                throw new IOException(e);
            }
        }

        @Override
        public String apply(int index) {
            while (loaded.size() <= index && !exhausted) {
                if (loaded.size() >= limit) {
                    throw new TooFar();
                }
                try {
                    readNext();
                } catch (javax.xml.stream.XMLStreamException e) {
                    throw new UnreadableSpreadsheetException("共享字符串表无法读取 (the shared strings table cannot be "
                            + "read)", 0, e);
                }
            }
            return index < loaded.size() ? loaded.get(index) : null;
        }

        private void readNext() throws javax.xml.stream.XMLStreamException {
            while (xml.hasNext()) {
                if (xml.next() == javax.xml.stream.XMLStreamConstants.START_ELEMENT
                        && "si".equals(xml.getLocalName())) {
                    loaded.add(item());
                    return;
                }
            }
            exhausted = true;
        }

        private String item() throws javax.xml.stream.XMLStreamException {
            StringBuilder value = new StringBuilder();
            int depth = 1;
            boolean phonetic = false;
            while (depth > 0 && xml.hasNext()) {
                int event = xml.next();
                if (event == javax.xml.stream.XMLStreamConstants.START_ELEMENT) {
                    String name = xml.getLocalName();
                    if ("rPh".equals(name)) {
                        phonetic = true;
                        depth++;
                    } else if ("t".equals(name)) {
                        String t = xml.getElementText();
                        if (!phonetic) {
                            value.append(t);
                        }
                    } else {
                        depth++;
                    }
                } else if (event == javax.xml.stream.XMLStreamConstants.END_ELEMENT) {
                    if ("rPh".equals(xml.getLocalName())) {
                        phonetic = false;
                    }
                    depth--;
                }
            }
            return value.toString();
        }

        @Override
        public void close() throws IOException {
            if (xml != null) {
                try {
                    xml.close();
                } catch (javax.xml.stream.XMLStreamException ignored) {
                    // the stream below is closed next
                }
            }
            if (in != null) {
                in.close();
            }
        }
    }
}
