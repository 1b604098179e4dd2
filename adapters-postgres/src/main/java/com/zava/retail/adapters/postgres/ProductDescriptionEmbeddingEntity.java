package com.zava.retail.adapters.postgres;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.hibernate.annotations.Array;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A row of {@code retail.product_description_embeddings}: one product's description vector and the
 * model that made it. Read-only; the seed writes these rows with COPY as the owner role.
 */
@Entity
@Immutable
@Table(schema = "retail", name = "product_description_embeddings")
class ProductDescriptionEmbeddingEntity {

    @Id
    @Column(name = "product_id")
    private Integer productId;

    @MapsId
    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "product_id")
    private ProductEntity product;

    @Column(name = "model", nullable = false, length = 100)
    private String model;

    // hibernate-vector maps SqlTypes.VECTOR to pgvector's vector type (float[] on the Java side) and
    // registers cosine_distance(...) for JPQL. The real dimension is a migration placeholder
    // (zava.database.embedding-dimensions); this length only shapes DDL, which we never generate
    // (ddl-auto is none), so it does not restrict the configured dimension.
    @JdbcTypeCode(SqlTypes.VECTOR)
    @Array(length = 384)
    @Column(name = "description_embedding", nullable = false)
    private float[] descriptionEmbedding;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected ProductDescriptionEmbeddingEntity() {
        // for Hibernate
    }

    Integer productId() {
        return productId;
    }

    ProductEntity product() {
        return product;
    }

    String model() {
        return model;
    }

    float[] descriptionEmbedding() {
        return descriptionEmbedding == null ? null : descriptionEmbedding.clone();
    }

    OffsetDateTime createdAt() {
        return createdAt;
    }
}
