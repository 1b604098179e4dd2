package com.zava.retail.application.sampledata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogueTest {

    private final Catalogue catalogue = Catalogue.zava();

    @Test
    void hasTheNineCategoriesAboutNinetyTypesAndAboutFourHundredTwentyProducts() {
        assertThat(catalogue.categories()).extracting(Rows.Category::categoryName).containsExactlyInAnyOrder(
                "HAND TOOLS", "POWER TOOLS", "PAINT & FINISHES", "HARDWARE", "LUMBER & BUILDING MATERIALS",
                "ELECTRICAL", "PLUMBING", "GARDEN & OUTDOOR", "STORAGE & ORGANIZATION");
        assertThat(catalogue.productTypes()).hasSizeBetween(85, 95);
        assertThat(catalogue.products()).hasSizeBetween(410, 430);
    }

    @Test
    void pricesFollowTheThirtyThreePercentMarginRule() {
        for (Rows.Product product : catalogue.products()) {
            long expected = Math.round(product.costCents() / 0.67);
            assertThat(product.basePriceCents()).as(product.sku()).isBetween(expected - 1, expected + 1);
        }
        assertThat(catalogue.products()).extracting(Rows.Product::costCents)
                .anySatisfy(cost -> assertThat(cost).isLessThan(300))
                .anySatisfy(cost -> assertThat(cost).isGreaterThan(40_000));
    }

    @Test
    void idsFollowTheOrderOfTheFile() {
        assertThat(catalogue.products().get(0).productId()).isEqualTo(1);
        assertThat(catalogue.products()).extracting(Rows.Product::productId)
                .isEqualTo(java.util.stream.IntStream.rangeClosed(1, catalogue.products().size()).boxed().toList());
    }

    @Test
    void rejectsMalformedLinesWithTheirNumber() {
        assertThatThrownBy(() -> Catalogue.parse(List.of("HAND TOOLS\tHammers\tHT-1\tHammer\t1.00")))
                .hasMessageContaining("line 1").hasMessageContaining("6 tab-separated fields");
        assertThatThrownBy(() -> Catalogue.parse(List.of(
                "A\tT\tS-1\tName one\t1.00\tDescription",
                "A\tT\tS-1\tName two\t1.00\tDescription")))
                .hasMessageContaining("duplicate SKU");
    }
}
