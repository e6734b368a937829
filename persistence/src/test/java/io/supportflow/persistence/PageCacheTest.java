package io.supportflow.persistence;

import org.junit.jupiter.api.Test;

import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class PageCacheTest {

    @Test
    void aPageUsedSinceTheLastTurnSurvivesTheNextOneAndAnUnusedOneDoesNot() {
        PageCache cache = cacheOfFourWith(1, 2, 3);
        assertThat(cache.get(1)).isEqualTo(image(1));

        cache.put(4, image(4));

        assertThat(cache.get(1)).isEqualTo(image(1));
        assertThat(cache.get(3)).isEqualTo(image(3));
        assertThat(cache.get(4)).isEqualTo(image(4));
        assertThat(cache.get(2)).isNull();
    }

    @Test
    void theCacheHoldsNoMoreThanItsCapacity() {
        PageCache cache = new PageCache(8);
        LongStream.range(0, 100).forEach(page -> cache.put(page, image(page)));

        assertThat(LongStream.range(0, 100).filter(page -> cache.get(page) != null).count()).isBetween(1L, 8L);
    }

    @Test
    void aNewerImageOfAPageReplacesTheOlderOne() {
        PageCache cache = cacheOfFourWith(1, 2, 3);
        cache.put(1, image(9));

        assertThat(cache.get(1)).isEqualTo(image(9));
    }

    private static PageCache cacheOfFourWith(long... pages) {
        PageCache cache = new PageCache(4);
        for (long page : pages) {
            cache.put(page, image(page));
        }
        return cache;
    }

    private static byte[] image(long page) {
        return new byte[] {(byte) page};
    }
}
