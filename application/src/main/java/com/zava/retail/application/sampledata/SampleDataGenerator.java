package com.zava.retail.application.sampledata;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Generates Zava's sales history: customers spread over the stores by store size, orders from
 * 2020-01-01 to the as-of date with year-on-year growth (and the 2023 dip), monthly seasonality per
 * category, and inventory with a deliberate low-stock tail.
 *
 * <p>Deterministic: the same catalogue, scale, seed and as-of date give exactly the same rows. Each
 * part draws from its own random stream derived from the seed, so changing how one part is made
 * does not reshuffle the others.
 */
public final class SampleDataGenerator {

    /** First day with orders. */
    public static final LocalDate FIRST_ORDER_DAY = LocalDate.of(2020, 1, 1);
    /** Stock below this level counts as low. */
    public static final int REORDER_LEVEL = 10;

    private static final String[] FIRST_NAMES = {
        "Aaliyah", "Aaron", "Abigail", "Adrian", "Aiko", "Alejandro", "Amara", "Andre", "Anika", "Ben", "Bianca",
        "Carlos", "Chloe", "Daniel", "Deepa", "Diego", "Elena", "Eli", "Emma", "Ethan", "Fatima", "Felix", "Grace",
        "Hannah", "Hiro", "Isaac", "Isabel", "Jamal", "Jasmine", "Jin", "Julia", "Kai", "Keanu", "Lars", "Leah",
        "Liam", "Lucia", "Malik", "Maya", "Mei", "Mohammed", "Nadia", "Noah", "Nora", "Olivia", "Omar", "Priya",
        "Quinn", "Rafael", "Rosa", "Sam", "Sofia", "Tariq", "Tessa", "Theo", "Uma", "Victor", "Wen", "Yara", "Zoe"};
    private static final String[] LAST_NAMES = {
        "Abbott", "Alvarez", "Anderson", "Baker", "Bennett", "Brooks", "Campbell", "Chen", "Clark", "Cruz", "Davis",
        "Diaz", "Edwards", "Evans", "Fischer", "Flores", "Garcia", "Gupta", "Hansen", "Harris", "Hughes", "Ito",
        "Jackson", "Johansson", "Kim", "Kowalski", "Larsen", "Lee", "Lopez", "Martin", "Mendoza", "Miller", "Morgan",
        "Nakamura", "Nguyen", "Novak", "Okafor", "Olsen", "Park", "Patel", "Perez", "Peterson", "Quinn", "Ramirez",
        "Reyes", "Rivera", "Robinson", "Rossi", "Sato", "Schmidt", "Shah", "Silva", "Singh", "Sullivan", "Tanaka",
        "Thompson", "Tran", "Walker", "Wang", "Yamamoto"};

    /** Share of all orders in each month of the year (home improvement peaks in spring and summer). */
    private static final double[] MONTH_FACTOR = {0.75, 0.80, 0.95, 1.10, 1.20, 1.20, 1.15, 1.10, 1.00, 0.95, 0.90, 1.00};
    private static final double[] ITEMS_PER_ORDER = {35, 30, 18, 10, 7};
    private static final double[] QUANTITY = {52, 30, 9, 5, 4};
    private static final double DISCOUNTED_SHARE = 0.15;
    private static final double LOW_STOCK_SHARE = 0.04;
    private static final double OWN_STORE_SHARE = 0.85;

    private final Catalogue catalogue;

    public SampleDataGenerator(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** Generates the data set; product embeddings are added by the caller. */
    public SampleDataSet generate(Scale scale, long seed, LocalDate asOf) {
        if (asOf.isBefore(FIRST_ORDER_DAY.plusYears(1))) {
            throw new IllegalArgumentException("The as-of date must be on or after " + FIRST_ORDER_DAY.plusYears(1)
                    + " so that every year has orders");
        }
        List<Rows.Store> stores = Arrays.stream(ZavaStore.values())
                .map(s -> new Rows.Store(s.storeId(), s.storeName(), s.managerId(), s.online()))
                .toList();
        List<Rows.Customer> customers = customers(scale, new SplittableRandom(seed ^ 0x5EED_C057L));
        List<Rows.Order> orders = new ArrayList<>(scale.targetOrders() + scale.targetOrders() / 50);
        List<Rows.OrderItem> items = new ArrayList<>(scale.targetOrders() * 23 / 10);
        orders(scale, asOf, customers, new SplittableRandom(seed ^ 0x0DE5_0DE5L), orders, items);
        List<Rows.Inventory> inventory = inventory(new SplittableRandom(seed ^ 0x1_57AC_CL));
        return new SampleDataSet(asOf, stores, catalogue.categories(), catalogue.productTypes(), catalogue.products(),
                customers, orders, items, inventory, List.of());
    }

    private static List<Rows.Customer> customers(Scale scale, SplittableRandom random) {
        ZavaStore[] stores = ZavaStore.values();
        double[] weights = Arrays.stream(stores).mapToDouble(ZavaStore::customerWeight).toArray();
        WeightedChoice storeChoice = new WeightedChoice(weights);
        long firstSecond = LocalDate.of(2018, 1, 1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        long lastSecond = LocalDate.of(2019, 12, 31).atTime(LocalTime.MAX).toEpochSecond(ZoneOffset.UTC);
        List<Rows.Customer> customers = new ArrayList<>(scale.customers());
        for (int id = 1; id <= scale.customers(); id++) {
            ZavaStore store = stores[storeChoice.pick(random)];
            String first = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
            String last = LAST_NAMES[random.nextInt(LAST_NAMES.length)];
            String email = (first + "." + last + "." + id + "@example.com").toLowerCase(Locale.ROOT);
            String phone = String.format(Locale.ROOT, "(%s) 555-%04d", store.areaCode(), random.nextInt(10_000));
            java.time.Instant created = java.time.Instant.ofEpochSecond(random.nextLong(firstSecond, lastSecond));
            customers.add(new Rows.Customer(id, first, last, email, phone, store.storeId(), created));
        }
        return customers;
    }

    private void orders(Scale scale, LocalDate asOf, List<Rows.Customer> customers, SplittableRandom random,
            List<Rows.Order> orders, List<Rows.OrderItem> items) {
        ZavaStore[] stores = ZavaStore.values();
        int[][] customersByStore = customersByStore(customers);
        ProductChooser products = new ProductChooser(catalogue, new SplittableRandom(random.nextLong()));
        double totalRate = 0;
        for (LocalDate day = FIRST_ORDER_DAY; !day.isAfter(asOf); day = day.plusDays(1)) {
            for (ZavaStore store : stores) {
                totalRate += rate(store, day);
            }
        }
        double ordersPerRate = scale.targetOrders() / totalRate;
        WeightedChoice itemCount = new WeightedChoice(ITEMS_PER_ORDER);
        WeightedChoice quantity = new WeightedChoice(QUANTITY);
        int orderId = 0;
        int itemId = 0;
        for (LocalDate day = FIRST_ORDER_DAY; !day.isAfter(asOf); day = day.plusDays(1)) {
            int month = day.getMonthValue() - 1;
            for (ZavaStore store : stores) {
                int count = (int) (rate(store, day) * ordersPerRate + random.nextDouble());
                for (int n = 0; n < count; n++) {
                    int[] own = customersByStore[store.ordinal()];
                    int customerId = random.nextDouble() < OWN_STORE_SHARE && own.length > 0
                            ? own[random.nextInt(own.length)]
                            : 1 + random.nextInt(customers.size());
                    orders.add(new Rows.Order(++orderId, customerId, store.storeId(), day));
                    int lines = 1 + itemCount.pick(random);
                    for (int line = 0; line < lines; line++) {
                        Rows.Product product = products.pick(month);
                        items.add(item(++itemId, orderId, store.storeId(), product, 1 + quantity.pick(random), random));
                    }
                }
            }
        }
    }

    private static Rows.OrderItem item(int itemId, int orderId, int storeId, Rows.Product product, int quantity,
            SplittableRandom random) {
        long unitPrice = Math.max(1, Math.round(product.basePriceCents() * (0.8 + 0.4 * random.nextDouble())));
        int discountPercent = random.nextDouble() < DISCOUNTED_SHARE ? 5 + random.nextInt(21) : 0;
        long gross = unitPrice * quantity;
        long discount = (gross * discountPercent + 50) / 100; // half-up to the cent
        return new Rows.OrderItem(itemId, orderId, storeId, product.productId(), quantity, unitPrice, discountPercent,
                discount, gross - discount);
    }

    /** Relative number of orders a store takes on a day. */
    private static double rate(ZavaStore store, LocalDate day) {
        double weekday = store.online() ? 1.0 : switch (day.getDayOfWeek()) {
            case SATURDAY -> 1.35;
            case SUNDAY -> 1.2;
            default -> 0.89;
        };
        return store.customerWeight() * store.orderFrequency() * growth(day.getYear())
                * MONTH_FACTOR[day.getMonthValue() - 1] * weekday;
    }

    /** Year-on-year growth of the chain, with the 2023 dip. */
    static double growth(int year) {
        return switch (year) {
            case 2020 -> 1.00;
            case 2021 -> 1.12;
            case 2022 -> 1.25;
            case 2023 -> 1.08;
            case 2024 -> 1.30;
            case 2025 -> 1.42;
            case 2026 -> 1.52;
            default -> year < 2020 ? 1.0 : 1.52 * Math.pow(1.07, year - 2026);
        };
    }

    private static int[][] customersByStore(List<Rows.Customer> customers) {
        int stores = ZavaStore.values().length;
        int[] counts = new int[stores];
        for (Rows.Customer customer : customers) {
            counts[customer.primaryStoreId() - 1]++;
        }
        int[][] byStore = new int[stores][];
        for (int s = 0; s < stores; s++) {
            byStore[s] = new int[counts[s]];
        }
        int[] filled = new int[stores];
        for (Rows.Customer customer : customers) {
            int s = customer.primaryStoreId() - 1;
            byStore[s][filled[s]++] = customer.customerId();
        }
        return byStore;
    }

    private List<Rows.Inventory> inventory(SplittableRandom random) {
        List<Rows.Inventory> rows = new ArrayList<>(ZavaStore.values().length * catalogue.products().size());
        for (ZavaStore store : ZavaStore.values()) {
            double storeSize = Math.max(0.3, store.customerWeight() / 30.0);
            for (Rows.Product product : catalogue.products()) {
                int stock;
                if (random.nextDouble() < LOW_STOCK_SHARE) {
                    stock = random.nextInt(REORDER_LEVEL);
                } else {
                    double base = Math.min(300, 450 / Math.sqrt(product.costCents() / 100.0));
                    stock = Math.max(REORDER_LEVEL, (int) Math.round(base * storeSize * (0.6 + 0.8 * random.nextDouble())));
                }
                rows.add(new Rows.Inventory(store.storeId(), product.productId(), stock));
            }
        }
        return rows;
    }

    /** Picks products by category popularity, the month's seasonality and a fixed per-product appeal. */
    private static final class ProductChooser {

        private final List<Rows.Product> products;
        private final WeightedChoice[] byMonth = new WeightedChoice[12];
        private final SplittableRandom random;

        ProductChooser(Catalogue catalogue, SplittableRandom random) {
            this.products = catalogue.products();
            this.random = random;
            int categories = catalogue.categories().size();
            int[] perCategory = new int[categories + 1];
            for (Rows.Product product : products) {
                perCategory[product.categoryId()]++;
            }
            double[] appeal = new double[products.size()];
            for (int p = 0; p < appeal.length; p++) {
                appeal[p] = 0.25 + random.nextDouble() * random.nextDouble() * 3; // a few best sellers
            }
            for (int month = 0; month < 12; month++) {
                double[] weights = new double[products.size()];
                for (int p = 0; p < weights.length; p++) {
                    Rows.Product product = products.get(p);
                    String category = catalogue.categories().get(product.categoryId() - 1).categoryName();
                    weights[p] = categoryWeight(category, month) * appeal[p] / perCategory[product.categoryId()];
                }
                byMonth[month] = new WeightedChoice(weights);
            }
        }

        Rows.Product pick(int month) {
            return products.get(byMonth[month].pick(random));
        }

        private static double categoryWeight(String category, int month) {
            return switch (category) {
                case "GARDEN & OUTDOOR" -> 12 * new double[] {0.4, 0.5, 0.9, 1.4, 1.8, 2.0, 1.9, 1.6, 1.1, 0.7, 0.5, 0.4}[month];
                case "LUMBER & BUILDING MATERIALS" ->
                        10 * new double[] {0.6, 0.7, 0.9, 1.2, 1.4, 1.6, 1.6, 1.4, 1.1, 0.9, 0.7, 0.6}[month];
                case "PAINT & FINISHES" -> 12 * new double[] {0.8, 0.9, 1.4, 1.7, 1.6, 1.2, 1.0, 0.9, 1.0, 0.9, 0.7, 0.7}[month];
                case "POWER TOOLS" -> 10 * (month == 10 || month == 11 ? 1.5 : 1.0);
                case "HARDWARE" -> 14;
                case "STORAGE & ORGANIZATION" -> 8 * (month == 0 ? 1.6 : 1.0);
                default -> 11;
            };
        }
    }

    /** Draws an index with probability proportional to its weight (binary search over the cumulative sum). */
    private static final class WeightedChoice {

        private final double[] cumulative;

        WeightedChoice(double[] weights) {
            cumulative = new double[weights.length];
            double sum = 0;
            for (int i = 0; i < weights.length; i++) {
                sum += weights[i];
                cumulative[i] = sum;
            }
        }

        int pick(SplittableRandom random) {
            double target = random.nextDouble() * cumulative[cumulative.length - 1];
            int index = Arrays.binarySearch(cumulative, target);
            index = index >= 0 ? index + 1 : -index - 1;
            return Math.min(index, cumulative.length - 1);
        }
    }
}
