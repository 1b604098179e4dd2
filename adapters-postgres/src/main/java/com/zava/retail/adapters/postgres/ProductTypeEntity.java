package com.zava.retail.adapters.postgres;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/** A row of {@code retail.product_types}; read-only like the rest of the catalogue. */
@Entity
@Immutable
@Table(schema = "retail", name = "product_types")
class ProductTypeEntity {

    @Id
    @Column(name = "type_id")
    private Integer typeId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "category_id", nullable = false)
    private CategoryEntity category;

    @Column(name = "type_name", nullable = false, length = 100)
    private String typeName;

    protected ProductTypeEntity() {
        // for Hibernate
    }

    Integer typeId() {
        return typeId;
    }

    CategoryEntity category() {
        return category;
    }

    String typeName() {
        return typeName;
    }
}
