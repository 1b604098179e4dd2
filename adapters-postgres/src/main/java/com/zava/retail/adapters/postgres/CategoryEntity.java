package com.zava.retail.adapters.postgres;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * A row of {@code retail.categories}. Immutable: the server only reads the catalogue (its database
 * role cannot write), so Hibernate never needs to track changes of these entities.
 */
@Entity
@Immutable
@Table(schema = "retail", name = "categories")
class CategoryEntity {

    @Id
    @Column(name = "category_id")
    private Integer categoryId;

    @Column(name = "category_name", nullable = false, length = 100)
    private String categoryName;

    protected CategoryEntity() {
        // for Hibernate
    }

    Integer categoryId() {
        return categoryId;
    }

    String categoryName() {
        return categoryName;
    }
}
