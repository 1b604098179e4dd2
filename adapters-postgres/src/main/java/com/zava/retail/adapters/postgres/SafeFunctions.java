package com.zava.retail.adapters.postgres;

import java.util.Set;

/**
 * Functions a manager's query may call: side-effect-free analytics only. Everything else is
 * refused, so a function that changes session state, reads files, sleeps, signals other sessions
 * or runs nested SQL ({@code set_config}, {@code pg_read_file}, {@code pg_sleep},
 * {@code pg_terminate_backend}, {@code query_to_xml}, {@code dblink}, {@code nextval}, ...) is
 * stopped here even before the database's own revocations would stop it.
 */
final class SafeFunctions {

    static final Set<String> NAMES = Set.of(
            // aggregates
            "count", "sum", "avg", "min", "max", "string_agg", "array_agg", "bool_and", "bool_or", "every",
            "stddev", "stddev_pop", "stddev_samp", "variance", "var_pop", "var_samp", "percentile_cont",
            "percentile_disc", "mode", "corr", "covar_pop", "covar_samp", "regr_slope", "regr_intercept", "regr_r2",
            "regr_count", "grouping", "json_agg", "jsonb_agg", "json_object_agg", "jsonb_object_agg", "bit_and", "bit_or",
            // window functions
            "row_number", "rank", "dense_rank", "percent_rank", "cume_dist", "ntile", "lag", "lead", "first_value",
            "last_value", "nth_value",
            // math
            "abs", "ceil", "ceiling", "floor", "round", "trunc", "sign", "sqrt", "cbrt", "power", "pow", "exp", "ln",
            "log", "log10", "mod", "div", "width_bucket", "greatest", "least", "numeric", "int4", "int8", "float8",
            // strings
            "lower", "upper", "initcap", "length", "char_length", "character_length", "octet_length", "substring",
            "substr", "position", "strpos", "concat", "concat_ws", "trim", "btrim", "ltrim", "rtrim", "lpad", "rpad",
            "replace", "split_part", "left", "right", "reverse", "repeat", "format", "translate", "starts_with",
            "regexp_replace", "regexp_match", "regexp_matches", "regexp_split_to_array", "regexp_split_to_table",
            "regexp_count", "regexp_like", "md5", "quote_literal", "quote_ident", "to_hex", "ascii", "chr",
            // dates and times
            "date_trunc", "date_part", "extract", "age", "now", "current_date", "current_timestamp", "localtimestamp",
            "make_date", "make_time", "make_timestamp", "make_interval", "justify_days", "justify_hours",
            "justify_interval", "date_bin", "isfinite", "to_char", "to_date", "to_timestamp", "to_number",
            "clock_timestamp", "statement_timestamp", "transaction_timestamp",
            // conditional
            "coalesce", "nullif",
            // arrays and sets
            "array_length", "cardinality", "unnest", "array_position", "array_positions", "array_to_string",
            "array_remove", "array_append", "array_prepend", "array_cat", "string_to_array", "generate_series",
            "array_lower", "array_upper",
            // JSON
            "json_build_object", "jsonb_build_object", "json_build_array", "jsonb_build_array", "to_json", "to_jsonb",
            "json_array_elements", "jsonb_array_elements", "json_array_length", "jsonb_array_length",
            "jsonb_extract_path_text", "json_extract_path_text", "jsonb_pretty", "row_to_json");

    private SafeFunctions() {
    }
}
