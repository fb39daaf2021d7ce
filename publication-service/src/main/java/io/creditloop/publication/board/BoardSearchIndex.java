package io.creditloop.publication.board;

import io.creditloop.contracts.listing.v1.ListKind;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * An in-memory search index of the published board entries, so a search of the public board (R7) costs a walk of a
 * few int arrays instead of a scan of the table, and its page needs no read of the table either: the index keeps each
 * entry as the board shows it (a {@link BoardEntry}, masked data only, the strings and dates that repeat shared).
 * Pure Java, no I/O: {@link BoardSearch} fills it from the table and keeps it in step with the board's revision log.
 * <p>
 * Every entry is a document numbered in board order: a higher number is newer ({@code published_at}, then the
 * listing id reversed), so the board's order — newest first — is descending document numbers. A name (masked, as
 * the board shows it) is indexed by its characters and its character pairs; a search for a fragment walks, newest
 * first, the posting list of the fragment's rarest pair (of its character, for one character) and keeps the
 * documents whose name really contains the fragment and that pass the filters and the validity window of the day.
 * Posting lists are a superset: a corrected name adds its new characters and pairs and leaves the old ones, which the
 * containment check then rejects.
 * <p>
 * Counting stops at a limit: past it the total is a lower bound ({@link Result#totalExact()} false), as a search
 * engine says "1,000+".
 * <p>
 * Thread-safe: many searches at once, one writer at a time.
 */
public final class BoardSearchIndex {

    /**
     * A search. {@code fragment} matches a part of the name (any case); {@code alsoListings} are listings that match
     * whatever their name (an exact USCC or ID number, looked up elsewhere); with neither, every entry matches.
     */
    public record Criteria(String fragment, List<UUID> alsoListings, ListKind kind, String listType,
                           String department, LocalDate from, LocalDate to) {

        public Criteria {
            fragment = fragment == null || fragment.isEmpty() ? null : fragment.toLowerCase(Locale.ROOT);
            alsoListings = alsoListings == null ? List.of() : List.copyOf(alsoListings);
        }

        boolean matchesAll() {
            return fragment == null && alsoListings.isEmpty();
        }
    }

    /** One page of entries in board order, and how many matched (exactly, or at least). */
    public record Result(List<BoardEntry> entries, long total, boolean totalExact) {

        public List<UUID> listingIds() {
            return entries.stream().map(BoardEntry::listingId).toList();
        }
    }

    private static final int NO_DATE = Integer.MIN_VALUE;
    private static final int OPEN_END = Integer.MAX_VALUE;
    private static final int FACETS = 0;
    private static final int RECOGNISED = 1;
    private static final int START = 2;
    private static final int END = 3;
    /** Bits of a list type's or a department's code in {@link #FACETS}. */
    private static final int CODE_BITS = 15;

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<UUID, Integer> documents = new HashMap<>();
    private final Map<String, Integer> listTypes = new HashMap<>();
    private final Map<String, Integer> departments = new HashMap<>();
    /** Character pairs ({@link #pair}) and single characters ({@link #single}) to their documents. */
    private final Map<Integer, Postings> pairs = new HashMap<>();
    private final BitSet live = new BitSet();
    /** One instance of each value that repeats across entries (list type names, departments, bases, reasons, dates). */
    private final Map<Object, Object> shared = new HashMap<>();

    private int count;
    private BoardEntry[] entries = new BoardEntry[1024];
    private String[] names = new String[1024];
    /**
     * What the filters test, four ints per document side by side (one cache line holds four documents, so a walk
     * costs one memory read per document): {@link #FACETS} (list kind, list type code, department code), recognition
     * day, first day on the board, last day on the board.
     */
    private int[] fields = new int[4 * 1024];
    /** Documents whose name changed after they were added: only they may be on a posting list their name left. */
    private final BitSet renamed = new BitSet();

    /**
     * Adds the entry as the newest document, or updates the listing's document in place (its place in the order
     * stays: a replaced entry keeps its first publication time).
     */
    public void put(BoardEntry entry) {
        lock.writeLock().lock();
        try {
            Integer known = documents.get(entry.listingId());
            int doc;
            entry = share(entry);
            String name = entry.subjectName().toLowerCase(Locale.ROOT);
            if (known == null) {
                doc = append(entry.listingId());
                appendPairs(doc, name);
            } else {
                doc = known;
                if (!name.equals(names[doc])) {
                    insertPairs(doc, name);
                    renamed.set(doc);
                }
            }
            entries[doc] = entry;
            names[doc] = name;
            int at = 4 * doc;
            fields[at + FACETS] = facets(entry.listKind().ordinal(), code(listTypes, entry.listTypeCode()),
                    code(departments, entry.recognisingDepartment()));
            fields[at + RECOGNISED] = entry.recognitionDate() == null ? NO_DATE
                    : (int) entry.recognitionDate().toEpochDay();
            fields[at + START] = (int) entry.validFrom().toEpochDay();
            fields[at + END] = entry.validUntil() == null ? OPEN_END : (int) entry.validUntil().toEpochDay();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Takes the listing's entry out; nothing if it is not in. */
    public void remove(UUID listingId) {
        lock.writeLock().lock();
        try {
            Integer doc = documents.remove(listingId);
            if (doc != null) {
                live.clear(doc);
                names[doc] = null;
                entries[doc] = null;
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Entries in the index. */
    public int size() {
        lock.readLock().lock();
        try {
            return documents.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Documents no longer in use (removed entries); a rebuild drops them. */
    public int removed() {
        lock.readLock().lock();
        try {
            return count - documents.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The entries on the board {@code today} that match, newest first: those from {@code offset} up to {@code limit}
     * of them, and the total, counted exactly up to {@code countLimit} (or further when the page lies further).
     */
    public Result search(Criteria criteria, LocalDate today, long offset, int limit, int countLimit) {
        lock.readLock().lock();
        try {
            Filter filter = filter(criteria, today);
            if (filter == null) {
                return new Result(List.of(), 0, true);
            }
            long stopAt = Math.max(offset + limit, countLimit) + 1;
            List<BoardEntry> page = new ArrayList<>(limit);
            long matched = 0;
            DescendingDocs candidates = candidates(criteria);
            int[] also = alsoDocuments(criteria.alsoListings());
            int next = also.length - 1;
            int doc = candidates.next();
            while (doc >= 0 || next >= 0) {
                int current;
                boolean exact;
                if (next >= 0 && also[next] >= doc) {
                    current = also[next];
                    exact = true;
                    if (also[next] == doc) {
                        doc = candidates.next();
                    }
                    next--;
                } else {
                    current = doc;
                    exact = false;
                    doc = candidates.next();
                }
                if (!filter.accepts(current) || (!exact && !nameMatches(criteria, current))) {
                    continue;
                }
                matched++;
                if (matched > offset && matched <= offset + limit) {
                    page.add(entries[current]);
                }
                if (matched == stopAt) {
                    return new Result(page, matched - 1, false);
                }
            }
            return new Result(page, matched, true);
        } finally {
            lock.readLock().unlock();
        }
    }

    private boolean nameMatches(Criteria criteria, int doc) {
        if (criteria.fragment() == null) {
            return criteria.alsoListings().isEmpty();
        }
        // a fragment of one or two characters is the key of the list walked: every document on it holds the fragment,
        // unless its name changed since
        return criteria.fragment().length() <= 2 && !renamed.get(doc) || names[doc].contains(criteria.fragment());
    }

    /** The documents to look at, newest first: a posting list, or every document. */
    private DescendingDocs candidates(Criteria criteria) {
        String fragment = criteria.fragment();
        if (fragment == null) {
            return criteria.matchesAll() ? new EveryDoc(count) : () -> -1;
        }
        if (fragment.length() == 1) {
            Postings postings = pairs.get(single(fragment.charAt(0)));
            return postings == null ? () -> -1 : postings.descending();
        }
        // the rarest pair's list: looking its documents up in the other pairs' lists as well costs more than checking
        // the names (measured), since most of them match
        Postings rarest = null;
        for (int i = 0; i + 1 < fragment.length(); i++) {
            Postings postings = pairs.get(pair(fragment.charAt(i), fragment.charAt(i + 1)));
            if (postings == null) {
                return () -> -1;
            }
            if (rarest == null || postings.size < rarest.size) {
                rarest = postings;
            }
        }
        return rarest.descending();
    }

    private int[] alsoDocuments(List<UUID> listings) {
        int[] docs = listings.stream()
                .map(documents::get)
                .filter(d -> d != null)
                .mapToInt(Integer::intValue)
                .distinct()
                .toArray();
        Arrays.sort(docs);
        return docs;
    }

    /** The filters and the window as document tests; {@code null} when nothing can match. */
    private Filter filter(Criteria criteria, LocalDate today) {
        int day = (int) today.toEpochDay();
        int kind = criteria.kind() == null ? -1 : criteria.kind().ordinal();
        Integer type = criteria.listType() == null ? Integer.valueOf(-1) : listTypes.get(criteria.listType());
        Integer owner = criteria.department() == null ? Integer.valueOf(-1) : departments.get(criteria.department());
        if (type == null || owner == null) {
            return null;
        }
        int from = criteria.from() == null ? NO_DATE : (int) criteria.from().toEpochDay();
        int to = criteria.to() == null ? NO_DATE : (int) criteria.to().toEpochDay();
        int mask = facets(kind < 0 ? 0 : 3, type < 0 ? 0 : (1 << CODE_BITS) - 1, owner < 0 ? 0 : (1 << CODE_BITS) - 1);
        int wanted = facets(Math.max(kind, 0), Math.max(type, 0), Math.max(owner, 0)) & mask;
        int[] fields = this.fields;
        return doc -> {
            int at = 4 * doc;
            int recognised = fields[at + RECOGNISED];
            return (fields[at + FACETS] & mask) == wanted
                    && fields[at + START] <= day && fields[at + END] >= day
                    && (from == NO_DATE || (recognised != NO_DATE && recognised >= from))
                    && (to == NO_DATE || (recognised != NO_DATE && recognised <= to))
                    && live.get(doc);
        };
    }

    private static int facets(int kind, int type, int department) {
        return kind | type << 2 | department << (2 + CODE_BITS);
    }

    private interface Filter {
        boolean accepts(int doc);
    }

    /** Document numbers, newest first; -1 when there are no more. */
    private interface DescendingDocs {
        int next();
    }

    private static final class EveryDoc implements DescendingDocs {
        private int doc;

        EveryDoc(int count) {
            this.doc = count;
        }

        @Override
        public int next() {
            return --doc;
        }
    }

    private int append(UUID listingId) {
        int doc = count;
        if (doc == entries.length) {
            int capacity = entries.length * 2;
            entries = Arrays.copyOf(entries, capacity);
            names = Arrays.copyOf(names, capacity);
            fields = Arrays.copyOf(fields, 4 * capacity);
        }
        count++;
        live.set(doc);
        documents.put(listingId, doc);
        return doc;
    }

    private void appendPairs(int doc, String name) {
        for (int i = 0; i < name.length(); i++) {
            pairs.computeIfAbsent(single(name.charAt(i)), k -> new Postings()).appendOnce(doc);
            if (i + 1 < name.length()) {
                pairs.computeIfAbsent(pair(name.charAt(i), name.charAt(i + 1)), k -> new Postings()).appendOnce(doc);
            }
        }
    }

    private void insertPairs(int doc, String name) {
        for (int i = 0; i < name.length(); i++) {
            pairs.computeIfAbsent(single(name.charAt(i)), k -> new Postings()).insert(doc);
            if (i + 1 < name.length()) {
                pairs.computeIfAbsent(pair(name.charAt(i), name.charAt(i + 1)), k -> new Postings()).insert(doc);
            }
        }
    }

    /** The entry with the values other entries hold too replaced by the one instance the index keeps. */
    private BoardEntry share(BoardEntry e) {
        return new BoardEntry(e.listingId(), e.version(), e.listKind(), share(e.listTypeCode()),
                share(e.listTypeName()), e.subjectType(), e.subjectName(), e.uscc(), e.maskedIdNumber(),
                share(e.reason()), share(e.recognisingDepartment()), share(e.basis()), share(e.recognitionDate()),
                share(e.validFrom()), share(e.validUntil()), e.publishedAt(), e.rectificationNote());
    }

    @SuppressWarnings("unchecked")
    private <T> T share(T value) {
        return value == null ? null : (T) shared.computeIfAbsent(value, v -> v);
    }

    private static int code(Map<String, Integer> dictionary, String value) {
        int code = dictionary.computeIfAbsent(value, v -> dictionary.size());
        if (code >= 1 << CODE_BITS) {
            throw new IllegalStateException("more than " + (1 << CODE_BITS) + " list types or departments");
        }
        return code;
    }

    private static int pair(char first, char second) {
        return (first << 16) | second;
    }

    /** A single character's key: no pair has it, since {@code U+FFFF} is not a character. */
    private static int single(char only) {
        return pair(only, '\uffff');
    }

    /** Ascending document numbers holding one character pair. */
    private static final class Postings {
        private int[] docs = new int[4];
        private int size;

        void appendOnce(int doc) {
            if (size > 0 && docs[size - 1] >= doc) {
                if (docs[size - 1] != doc) {
                    insert(doc);
                }
                return;
            }
            grow();
            docs[size++] = doc;
        }

        void insert(int doc) {
            int at = Arrays.binarySearch(docs, 0, size, doc);
            if (at >= 0) {
                return;
            }
            at = -at - 1;
            grow();
            System.arraycopy(docs, at, docs, at + 1, size - at);
            docs[at] = doc;
            size++;
        }

        private void grow() {
            if (size == docs.length) {
                docs = Arrays.copyOf(docs, docs.length + (docs.length >> 1) + 1);
            }
        }

        DescendingDocs descending() {
            int[] snapshot = docs;
            int[] position = {size};
            return () -> --position[0] >= 0 ? snapshot[position[0]] : -1;
        }
    }
}
