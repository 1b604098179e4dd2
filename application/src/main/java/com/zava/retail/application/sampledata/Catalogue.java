package com.zava.retail.application.sampledata;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Zava's product catalogue: categories, product types and products with the text we wrote for
 * them ({@code catalogue.tsv} next to this class). Prices follow the chain's rule of a 33 % gross
 * margin: {@code base_price = cost / 0.67}.
 */
public record Catalogue(List<Rows.Category> categories, List<Rows.ProductType> productTypes,
        List<Rows.Product> products) {

    /** Gross margin of every product, in basis points (33.00 %). */
    public static final int GROSS_MARGIN_BASIS_POINTS = 3300;

    private static final String RESOURCE = "catalogue.tsv";
    private static final BigDecimal COST_SHARE = new BigDecimal("0.67");

    public Catalogue {
        categories = List.copyOf(categories);
        productTypes = List.copyOf(productTypes);
        products = List.copyOf(products);
    }

    /** The catalogue shipped with the application. */
    public static Catalogue zava() {
        try (InputStream in = Catalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The product catalogue " + RESOURCE + " is missing from the classpath");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses lines of {@code category TAB type TAB sku TAB name TAB cost TAB description}; ids are
     * assigned in order of first appearance, so the same file always gives the same ids.
     */
    static Catalogue parse(List<String> lines) {
        Map<String, Rows.Category> categories = new LinkedHashMap<>();
        Map<String, Rows.ProductType> types = new LinkedHashMap<>();
        List<Rows.Product> products = new ArrayList<>();
        Set<String> skus = new HashSet<>();
        int lineNumber = 0;
        for (String line : lines) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            if (fields.length != 6) {
                throw new IllegalArgumentException("catalogue line " + lineNumber + ": expected 6 tab-separated fields, found "
                        + fields.length);
            }
            Rows.Category category = categories.computeIfAbsent(fields[0],
                    name -> new Rows.Category(categories.size() + 1, name));
            Rows.ProductType type = types.computeIfAbsent(fields[1],
                    name -> new Rows.ProductType(types.size() + 1, category.categoryId(), name));
            if (type.categoryId() != category.categoryId()) {
                throw new IllegalArgumentException("catalogue line " + lineNumber + ": type '" + fields[1]
                        + "' appears under two categories");
            }
            if (!skus.add(fields[2])) {
                throw new IllegalArgumentException("catalogue line " + lineNumber + ": duplicate SKU " + fields[2]);
            }
            BigDecimal cost = new BigDecimal(fields[4]);
            long costCents = cost.movePointRight(2).longValueExact();
            long basePriceCents = cost.divide(COST_SHARE, 2, java.math.RoundingMode.HALF_UP).movePointRight(2)
                    .longValueExact();
            products.add(new Rows.Product(products.size() + 1, fields[2], fields[3], category.categoryId(),
                    type.typeId(), costCents, basePriceCents, GROSS_MARGIN_BASIS_POINTS, fields[5]));
        }
        return new Catalogue(List.copyOf(categories.values()), List.copyOf(types.values()), products);
    }
}
