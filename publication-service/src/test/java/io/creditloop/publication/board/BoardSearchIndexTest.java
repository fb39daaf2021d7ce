package io.creditloop.publication.board;

import io.creditloop.contracts.listing.v1.ListKind;
import io.creditloop.contracts.listing.v1.SubjectType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class BoardSearchIndexTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    final BoardSearchIndex index = new BoardSearchIndex();

    UUID put(String name, ListKind kind, String type, String department, LocalDate from, LocalDate until) {
        UUID id = UUID.randomUUID();
        index.put(entry(id, name, kind, type, department, from, until));
        return id;
    }

    static BoardEntry entry(UUID id, String name, ListKind kind, String type, String department, LocalDate from,
                            LocalDate until) {
        return new BoardEntry(id, 1, kind, type, "名单" + type, SubjectType.ORGANISATION, name, "91420200MA4K0000X1",
                null, "事由", department, "依据", from.minusDays(1), from, until, Instant.parse("2026-01-01T00:00:00Z"),
                null);
    }

    UUID put(String name) {
        return put(name, ListKind.BLACK, "TAX_MAJOR_VIOLATION", "tax", TODAY.minusDays(10), null);
    }

    List<UUID> find(String fragment) {
        return search(criteria(fragment), 0, 100, 1000).listingIds();
    }

    BoardSearchIndex.Result search(BoardSearchIndex.Criteria criteria, long offset, int limit, int countLimit) {
        return index.search(criteria, TODAY, offset, limit, countLimit);
    }

    static BoardSearchIndex.Criteria criteria(String fragment) {
        return new BoardSearchIndex.Criteria(fragment, List.of(), null, null, null, null, null);
    }

    @Test
    @DisplayName("R7: newest first; a fragment of any length and case matches inside the name")
    void fragments() {
        UUID first = put("黄石鑫源建材有限公司");
        UUID second = put("大冶华兴物流有限公司");
        UUID third = put("Huangshi ABC Trading Co.");

        assertThat(find(null)).containsExactly(third, second, first);
        assertThat(find("有限公司")).containsExactly(second, first);
        assertThat(find("鑫源")).containsExactly(first);
        assertThat(find("冶")).containsExactly(second);
        assertThat(find("abc trad")).containsExactly(third);
        assertThat(find("源建材有限")).containsExactly(first);
        assertThat(find("建材物流")).isEmpty();
        assertThat(find("鑫华")).isEmpty();
    }

    @Test
    @DisplayName("R7: only what is on the board today: the validity window is checked on the day of the search")
    void window() {
        UUID current = put("当前公司", ListKind.BLACK, "T", "tax", TODAY.minusDays(5), TODAY);
        put("未开始公司", ListKind.BLACK, "T", "tax", TODAY.plusDays(1), null);
        put("已届满公司", ListKind.BLACK, "T", "tax", TODAY.minusYears(2), TODAY.minusDays(1));

        assertThat(find("公司")).containsExactly(current);
        assertThat(index.search(criteria("公司"), TODAY.plusDays(1), 0, 10, 1000).listingIds()).hasSize(1)
                .doesNotContain(current);
    }

    @Test
    @DisplayName("R7: list kind, list type, department and recognition dates filter; unknown values match nothing")
    void filters() {
        UUID red = put("甲公司", ListKind.RED, "TAX_A_CREDIT", "tax", TODAY.minusDays(30), null);
        UUID black = put("乙公司", ListKind.BLACK, "WAGE_ARREARS", "hrss", TODAY.minusDays(3), null);

        assertThat(search(new BoardSearchIndex.Criteria(null, null, ListKind.RED, null, null, null, null), 0, 10,
                100).listingIds()).containsExactly(red);
        assertThat(search(new BoardSearchIndex.Criteria("公司", null, null, "WAGE_ARREARS", "hrss", null, null), 0,
                10, 100).listingIds()).containsExactly(black);
        assertThat(search(new BoardSearchIndex.Criteria(null, null, null, "NO_SUCH_TYPE", null, null, null), 0, 10,
                100).total()).isZero();
        assertThat(search(new BoardSearchIndex.Criteria(null, null, null, null, "court", null, null), 0, 10,
                100).total()).isZero();
        // recognised the day before the validity began: red on TODAY-31, black on TODAY-4
        assertThat(search(new BoardSearchIndex.Criteria(null, null, null, null, null, TODAY.minusDays(10), null),
                0, 10, 100).listingIds()).containsExactly(black);
        assertThat(search(new BoardSearchIndex.Criteria(null, null, null, null, null, null, TODAY.minusDays(31)),
                0, 10, 100).listingIds()).containsExactly(red);
    }

    @Test
    @DisplayName("R7: listings found by an exact code join the name matches in board order, each once")
    void exactListings() {
        UUID a = put("甲建材公司");
        UUID b = put("乙物流公司");
        UUID c = put("丙建材公司");

        BoardSearchIndex.Criteria byCode = new BoardSearchIndex.Criteria("建材", List.of(b, c, UUID.randomUUID()),
                null, null, null, null, null);
        BoardSearchIndex.Result found = search(byCode, 0, 10, 100);
        assertThat(found.listingIds()).containsExactly(c, b, a);
        assertThat(found.total()).isEqualTo(3);
        BoardSearchIndex.Criteria onlyCode = new BoardSearchIndex.Criteria("91420200MA4XXXXXXX", List.of(a), null,
                null, null, null, null);
        assertThat(search(onlyCode, 0, 10, 100).listingIds()).containsExactly(a);
    }

    @Test
    @DisplayName("R7, R11: a corrected name is found by its new words only; a removed entry is gone; order is kept")
    void correctionsAndRemovals() {
        UUID first = put("旧名称公司");
        UUID second = put("另一家公司");
        BoardEntry renamed = new BoardEntry(first, 3, ListKind.BLACK, "TAX_MAJOR_VIOLATION", "重大税收违法案件当事人名单",
                SubjectType.ORGANISATION, "新名称公司", "91420200MA4K0000X1", null, "事由更正", "tax", "依据",
                TODAY.minusDays(11), TODAY.minusDays(10), null, Instant.parse("2026-01-01T00:00:00Z"), "已完成信用修复");
        index.put(renamed);

        assertThat(find("旧名")).isEmpty();
        assertThat(find("新名")).containsExactly(first);
        // the page is the entry as last put, every field of it, not read elsewhere
        assertThat(search(criteria("新名"), 0, 10, 100).entries()).containsExactly(renamed);
        assertThat(find("公司")).containsExactly(second, first);

        index.remove(second);
        assertThat(find("公司")).containsExactly(first);
        assertThat(index.size()).isEqualTo(1);
        assertThat(index.removed()).isEqualTo(1);
        index.remove(second);
        assertThat(index.size()).isEqualTo(1);
    }

    @Test
    @DisplayName("R7: pages follow the board order; counting stops at the limit and then says it is a lower bound")
    void pagesAndCounting() {
        List<UUID> newestFirst = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            newestFirst.add(0, put("第" + i + "号贸易公司"));
        }

        BoardSearchIndex.Result page2 = search(criteria("贸易"), 10, 10, 1000);
        assertThat(page2.listingIds()).isEqualTo(newestFirst.subList(10, 20));
        assertThat(page2.total()).isEqualTo(50);
        assertThat(page2.totalExact()).isTrue();

        BoardSearchIndex.Result capped = search(criteria("贸易"), 0, 10, 20);
        assertThat(capped.listingIds()).isEqualTo(newestFirst.subList(0, 10));
        assertThat(capped.total()).isEqualTo(20);
        assertThat(capped.totalExact()).isFalse();

        BoardSearchIndex.Result beyondLimit = search(criteria("贸易"), 40, 10, 20);
        assertThat(beyondLimit.listingIds()).isEqualTo(newestFirst.subList(40, 50));
        assertThat(beyondLimit.total()).isEqualTo(50);
        assertThat(beyondLimit.totalExact()).isTrue();
        assertThat(search(criteria("贸易"), 60, 10, 20).listingIds()).isEmpty();
    }
}
