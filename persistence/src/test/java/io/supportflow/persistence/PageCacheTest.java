package io.supportflow.persistence;

import org.junit.jupiter.api.Test;

import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class PageCacheTest {

    @Test
    void aSetKeepsItsTwoPagesPutLastAndDropsTheOneBefore() {
        PageCache cache = new PageCache(8);
        cache.put(1, image(1));
        cache.put(5, image(5));
        cache.put(9, image(9));

        assertThat(cache.get(9)).isEqualTo(image(9));
        assertThat(cache.get(5)).isEqualTo(image(5));
        assertThat(cache.get(1)).isNull();
    }

    @Test
    void pagesOfOtherSetsDoNotTakeAPagesPlace() {
        PageCache cache = new PageCache(8);
        cache.put(1, image(1));
        LongStream.of(0, 2, 3, 4, 6, 7, 8, 10, 11).forEach(page -> cache.put(page, image(page)));

        assertThat(cache.get(1)).isEqualTo(image(1));
    }

    @Test
    void theCacheHoldsNoMoreThanItsCapacity() {
        PageCache cache = new PageCache(8);
        LongStream.range(0, 100).forEach(page -> cache.put(page, image(page)));

        assertThat(LongStream.range(0, 100).filter(page -> cache.get(page) != null).count()).isBetween(1L, 8L);
    }

    @Test
    void aNewerImageOfAPageReplacesTheOlderOneWhicheverEntryHeldIt() {
        PageCache cache = new PageCache(8);
        cache.put(1, image(1));
        cache.put(5, image(5));
        cache.put(1, image(21));
        cache.put(5, image(25));

        assertThat(cache.get(1)).isEqualTo(image(21));
        assertThat(cache.get(5)).isEqualTo(image(25));
    }

    @Test
    void aClearedCacheHoldsNothing() {
        PageCache cache = new PageCache(8);
        cache.put(1, image(1));
        cache.clear();

        assertThat(cache.get(1)).isNull();
    }

    private static byte[] image(long page) {
        return new byte[] {(byte) page};
    }
}
