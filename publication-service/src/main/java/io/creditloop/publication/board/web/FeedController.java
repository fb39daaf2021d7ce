package io.creditloop.publication.board.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditloop.publication.board.BoardChange;
import io.creditloop.publication.board.BoardColumns;
import io.creditloop.publication.board.BoardService;
import io.creditloop.contracts.listing.v1.ListKind;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * R7, R13: the board's changes for mirrors (portals, media). The delta feed hands out every change after a cursor,
 * removals included (tombstones with the listing id only); the Atom feed shows the newest changes to feed readers.
 */
@RestController
@RequestMapping("/api/board")
class FeedController {

    static final String ATOM = "application/atom+xml;charset=UTF-8";
    private static final String ATOM_NS = "http://www.w3.org/2005/Atom";
    private static final int ATOM_ENTRIES = 50;

    private final BoardService board;
    private final ObjectMapper json;

    FeedController(BoardService board, ObjectMapper json) {
        this.board = board;
        this.json = json;
    }

    /**
     * The delta feed: up to {@code limit} changes after cursor {@code after} (0 for the start), oldest first. A mirror
     * applies them in order and asks again with {@code next}; {@code more} says whether it can at once.
     */
    @GetMapping("/changes")
    Changes changes(@RequestParam(defaultValue = "0") @Min(0) long after,
                    @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        List<BoardChange> changes = board.changesAfter(after, limit);
        List<Change> items = changes.stream().map(FeedController::change).toList();
        long next = changes.isEmpty() ? after : changes.get(changes.size() - 1).cursor();
        return new Changes(items, next, changes.size() == limit);
    }

    /** The newest changes as an Atom 1.0 feed (RFC 4287), newest first. */
    @GetMapping("/feed.atom")
    void atom(HttpServletResponse response) throws IOException {
        List<BoardChange> changes = board.latestChanges(ATOM_ENTRIES);
        response.setContentType(ATOM);
        OutputStream out = response.getOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM_NS);
            element(xml, "id", "tag:creditloop,2025:board");
            element(xml, "title", "信用红黑名单 公示变动");
            element(xml, "updated", time(changes.isEmpty() ? Instant.EPOCH : changes.get(0).changedAt()));
            link(xml, "self", "/api/board/feed.atom");
            link(xml, "alternate", "/board/");
            xml.writeStartElement("author");
            element(xml, "name", "信用办");
            xml.writeEndElement();
            for (BoardChange change : changes) {
                JsonNode payload = change.payload() == null ? null : json.readTree(change.payload());
                xml.writeStartElement("entry");
                element(xml, "id", "tag:creditloop,2025:board/change/" + change.cursor());
                element(xml, "title", title(change, payload));
                element(xml, "updated", time(change.changedAt()));
                xml.writeStartElement("category");
                xml.writeAttribute("term", change.change().name());
                xml.writeEndElement();
                element(xml, "content", content(change.listingId(), change.change(), payload));
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the Atom feed", e);
        }
    }

    private static String title(BoardChange change, JsonNode p) {
        return switch (change.change()) {
            case PUBLISHED -> "列入" + BoardColumns.kind(ListKind.valueOf(p.path("listKind").asText())) + "："
                    + p.path("subjectName").asText() + "（" + p.path("listTypeName").asText() + "）";
            case ANNOUNCED -> "退出公告：" + p.path("subjectName").asText() + "（" + p.path("listTypeName").asText()
                    + "）";
            case REMOVED -> "撤下公示：名单编号 " + change.listingId();
        };
    }

    private static String content(UUID listingId, BoardChange.Kind kind, JsonNode p) {
        if (p == null) {
            return "名单编号 " + listingId + " 已不在公示范围内。";
        }
        StringBuilder text = new StringBuilder();
        append(text, "统一社会信用代码", p.path("uscc"));
        append(text, "身份证号码", p.path("maskedIdNumber"));
        append(text, "认定部门", p.path("recognisingDepartment"));
        if (kind == BoardChange.Kind.PUBLISHED) {
            append(text, "列入事由", p.path("reason"));
            append(text, "认定依据", p.path("basis"));
            append(text, "认定日期", p.path("recognitionDate"));
            append(text, "有效期起", p.path("validFrom"));
            text.append("有效期至：").append(p.path("validUntil").isNull() ? "长期" : p.path("validUntil").asText())
                    .append('\n');
        } else {
            append(text, "退出原因", p.path("exitReason"));
            append(text, "退出日期", p.path("exitDate"));
            append(text, "说明", p.path("note"));
        }
        append(text, "名单编号", p.path("listingId"));
        return text.toString().strip();
    }

    private static void append(StringBuilder text, String label, JsonNode value) {
        if (!value.isMissingNode() && !value.isNull()) {
            text.append(label).append('：').append(value.asText()).append('\n');
        }
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href) throws XMLStreamException {
        xml.writeStartElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
        xml.writeEndElement();
    }

    private static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** One change; {@code entry} (PUBLISHED) or {@code announcement} (ANNOUNCED) as published, neither for REMOVED. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Change(long cursor, UUID listingId, BoardChange.Kind change, Instant changedAt,
                  @JsonRawValue String entry, @JsonRawValue String announcement) {
    }

    record Changes(List<Change> items, long next, boolean more) {
    }

    private static Change change(BoardChange c) {
        return new Change(c.cursor(), c.listingId(), c.change(), c.changedAt(),
                c.change() == BoardChange.Kind.PUBLISHED ? c.payload() : null,
                c.change() == BoardChange.Kind.ANNOUNCED ? c.payload() : null);
    }
}
