package com.zava.retail.adapters.postgres;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import org.hibernate.annotations.Immutable;

/** A row of {@code retail.products}; read-only like the rest of the catalogue. */
@Entity
@Immutable
@Table(schema = "retail", name = "products")
class ProductEntity {

    @Id
    @Column(name = "product_id")
    private Integer productId;

    @Column(name = "sku", nullable = false, length = 50)
    private String sku;

    @Column(name = "product_name", nullable = false, length = 200)
    private String productName;

    // The product's own category, as in the original sample's search query (a product type also
    // names a category; both agree in the sample data).
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "category_id", nullable = false)
    private CategoryEntity category;

    // Not called "type": TYPE is a JPQL keyword.
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "type_id", nullable = false)
    private ProductTypeEntity productType;

    @Column(name = "cost", nullable = false, precision = 10, scale = 2)
    private BigDecimal cost;

    @Column(name = "base_price", nullable = false, precision = 10, scale = 2)
    private BigDecimal basePrice;

    @Column(name = "gross_margin_percent", nullable = false, precision = 5, scale = 2)
    private BigDecimal grossMarginPercent;

    @Column(name = "product_description", nullable = false)
    private String productDescription;

    protected ProductEntity() {
        // for Hibernate
    }

    Integer productId() {
        return productId;
    }

    String sku() {
        return sku;
    }

    String productName() {
        return productName;
    }

    CategoryEntity category() {
        return category;
    }

    ProductTypeEntity productType() {
        return productType;
    }

    BigDecimal cost() {
        return cost;
    }

    BigDecimal basePrice() {
        return basePrice;
    }

    BigDecimal grossMarginPercent() {
        return grossMarginPercent;
    }

    String productDescription() {
        return productDescription;
    }
}
