package com.zava.retail.application.sampledata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SampleDataGeneratorTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 27);
    private static SampleDataSet full;
    private static Catalogue catalogue;

    @BeforeAll
    static void generateOnce() {
        catalogue = Catalogue.zava();
        full = new SampleDataGenerator(catalogue).generate(Scale.FULL, 42, AS_OF);
    }

    @Test
    void fullScaleHasTheAgreedVolumes() {
        assertThat(full.stores()).hasSize(8);
        assertThat(full.customers()).hasSize(50_000);
        assertThat(full.orders().size()).isCloseTo(200_000, within(2_000));
        assertThat(full.orderItems().size()).isGreaterThan(400_000);
        assertThat(full.inventory()).hasSize(8 * catalogue.products().size());
    }

    @Test
    void sameSeedAndDateGiveTheSameRowsAndAnotherSeedDoesNot() {
        SampleDataGenerator generator = new SampleDataGenerator(catalogue);
        SampleDataSet first = generator.generate(Scale.SMALL, 7, AS_OF);
        SampleDataSet second = generator.generate(Scale.SMALL, 7, AS_OF);
        SampleDataSet other = generator.generate(Scale.SMALL, 8, AS_OF);
        assertThat(second.orders()).isEqualTo(first.orders());
        assertThat(second.orderItems()).isEqualTo(first.orderItems());
        assertThat(second.customers()).isEqualTo(first.customers());
        assertThat(second.inventory()).isEqualTo(first.inventory());
        assertThat(other.orderItems()).isNotEqualTo(first.orderItems());
    }

    @Test
    void ordersSpanFromTwentyTwentyToTheAsOfDate() {
        assertThat(full.orders().get(0).orderDate()).isEqualTo(SampleDataGenerator.FIRST_ORDER_DAY);
        assertThat(full.orders().get(full.orders().size() - 1).orderDate()).isEqualTo(AS_OF);
    }

    @Test
    void smallScaleStillHasEveryStoreInEveryYearAndEveryCategory() {
        SampleDataSet small = new SampleDataGenerator(catalogue).generate(Scale.SMALL, 42, AS_OF);
        assertThat(small.orders().size()).isBetween(2_500, 3_500);
        for (int year = 2020; year <= AS_OF.getYear(); year++) {
            int y = year;
            assertThat(small.orders().stream().filter(o -> o.orderDate().getYear() == y)
                    .map(Rows.Order::storeId).distinct().count()).as("stores with orders in %d", year).isEqualTo(8);
        }
        Map<Integer, Integer> categoryOfProduct = catalogue.products().stream()
                .collect(Collectors.toMap(Rows.Product::productId, Rows.Product::categoryId));
        assertThat(small.orderItems().stream().map(i -> categoryOfProduct.get(i.productId())).distinct().count())
                .isEqualTo(9);
    }

    @Test
    void biggerStoresSellMoreAndSeattleAndOnlineLead() {
        Map<Integer, Long> ordersByStore = full.orders().stream()
                .collect(Collectors.groupingBy(Rows.Order::storeId, Collectors.counting()));
        long seattle = ordersByStore.get(ZavaStore.SEATTLE.storeId());
        long online = ordersByStore.get(ZavaStore.ONLINE.storeId());
        long kirkland = ordersByStore.get(ZavaStore.KIRKLAND.storeId());
        ordersByStore.forEach((store, count) -> {
            if (store != ZavaStore.SEATTLE.storeId() && store != ZavaStore.ONLINE.storeId()) {
                assertThat(count).isLessThan(Math.min(seattle, online));
            }
        });
        assertThat(kirkland * 10).isLessThan(seattle);
    }

    @Test
    void salesGrowEachYearExceptTwentyTwentyThree() {
        Map<Integer, Long> byYear = full.orders().stream()
                .filter(o -> o.orderDate().getYear() < 2026)
                .collect(Collectors.groupingBy(o -> o.orderDate().getYear(), Collectors.counting()));
        assertThat(byYear.get(2021)).isGreaterThan(byYear.get(2020));
        assertThat(byYear.get(2022)).isGreaterThan(byYear.get(2021));
        assertThat(byYear.get(2023)).isLessThan(byYear.get(2022));
        assertThat(byYear.get(2024)).isGreaterThan(byYear.get(2022));
        assertThat(byYear.get(2025)).isGreaterThan(byYear.get(2024));
    }

    @Test
    void gardenPeaksInSummerAndPaintInSpring() {
        Map<Integer, String> categoryOfProduct = catalogue.products().stream().collect(Collectors.toMap(
                Rows.Product::productId, p -> catalogue.categories().get(p.categoryId() - 1).categoryName()));
        Map<Integer, LocalDate> dateOfOrder = full.orders().stream()
                .collect(Collectors.toMap(Rows.Order::orderId, Rows.Order::orderDate));
        Function<String, long[]> linesByMonth = category -> {
            long[] months = new long[12];
            full.orderItems().stream().filter(i -> categoryOfProduct.get(i.productId()).equals(category))
                    .forEach(i -> months[dateOfOrder.get(i.orderId()).getMonthValue() - 1]++);
            return months;
        };
        long[] garden = linesByMonth.apply("GARDEN & OUTDOOR");
        long[] paint = linesByMonth.apply("PAINT & FINISHES");
        assertThat(garden[5]).isGreaterThan(3 * garden[0]); // June against January
        assertThat(paint[3]).isGreaterThan(paint[10]); // April against November
    }

    @Test
    void linesFollowTheAgreedShapes() {
        Map<Integer, Long> basePrice = catalogue.products().stream()
                .collect(Collectors.toMap(Rows.Product::productId, Rows.Product::basePriceCents));
        long discounted = 0;
        long smallQuantities = 0;
        for (Rows.OrderItem item : full.orderItems()) {
            long base = basePrice.get(item.productId());
            assertThat(item.unitPriceCents()).isBetween(Math.round(base * 0.8) - 1, Math.round(base * 1.2) + 1);
            assertThat(item.quantity()).isBetween(1, 5);
            assertThat(item.totalAmountCents())
                    .isEqualTo(item.unitPriceCents() * item.quantity() - item.discountAmountCents());
            if (item.discountPercent() > 0) {
                discounted++;
                assertThat(item.discountPercent()).isBetween(5, 25);
            }
            if (item.quantity() <= 2) {
                smallQuantities++;
            }
        }
        double lines = full.orderItems().size();
        assertThat(discounted / lines).isCloseTo(0.15, within(0.01));
        assertThat(smallQuantities / lines).isGreaterThan(0.75);
        Map<Integer, Long> linesPerOrder = full.orderItems().stream()
                .collect(Collectors.groupingBy(Rows.OrderItem::orderId, Collectors.counting()));
        assertThat(linesPerOrder.values()).allSatisfy(n -> assertThat(n).isBetween(1L, 5L));
        assertThat(linesPerOrder).hasSize(full.orders().size());
    }

    @Test
    void inventoryHasALowStockTail() {
        long low = full.inventory().stream().filter(i -> i.stockLevel() < SampleDataGenerator.REORDER_LEVEL).count();
        double share = (double) low / full.inventory().size();
        assertThat(share).isBetween(0.02, 0.06);
    }
}
