#pragma once
// Schema files → model.
#include <memory>
#include <string>
#include <vector>

#include "engine/model/privilege.hpp"
#include "engine/model/schema_model.hpp"
#include "parser/source_text.hpp"

namespace pgshape::parser {

// How files are read. With privileges managed, GRANT, REVOKE, ALTER ...
// OWNER TO and ALTER DEFAULT PRIVILEGES become part of the model; without,
// they are read and set aside.
struct LoadOptions {
    model::Privileges privileges = model::Privileges::ignore;
    // Files are read as psql would run them: a partition's index that
    // exists before its parent's matching CREATE INDEX (or PRIMARY KEY,
    // UNIQUE) is attached to it. The catalog's text, which writes every
    // attachment out, is read without.
    bool implicit_index_attach = true;
};

// A .sql file, or a directory searched recursively for .sql files. The
// statements may come in any order and across any files: the result does
// not depend on it. Throws UserError (with file:line:col) on bad input.
model::SchemaModel load_path(const std::string& path, const LoadOptions& options = {});

// The same for texts already in memory (ParsedSource and build_model in a
// row; the introspector calls the two halves itself, so that the catalog
// and the files share one canonicalizer).
model::SchemaModel load_sources(std::vector<SourceFile> files, const LoadOptions& options = {});

class ParseTree;

// Texts' statements parsed by libpg_query, not yet read into a model: the
// costly half of load_sources, split off so that a caller can parse one
// text while it waits for the next (the introspector parses each catalog
// answer as it arrives). The pieces of all the texts given at once parse
// together, on every core. Throws UserError on a syntax error (the first
// in text order).
class ParsedSource {
public:
    explicit ParsedSource(std::vector<SourceFile> files);
    ParsedSource(ParsedSource&&) noexcept;
    ParsedSource& operator=(ParsedSource&&) noexcept;
    ~ParsedSource();

    // A text, or a piece of a large one (cut at a statement boundary so
    // the pieces parse on every core), with its tree.
    struct Piece {
        const SourceFile* file;
        std::size_t base;    // offset of the piece in the file
        std::size_t length;
        std::unique_ptr<ParseTree> tree;
    };
    const std::vector<Piece>& pieces() const { return m_pieces; }

private:
    std::vector<std::unique_ptr<SourceFile>> m_files;  // where the pieces point
    std::vector<Piece> m_pieces;
};

// The second half: the model of parsed texts, read in the order given.
model::SchemaModel build_model(const std::vector<ParsedSource>& sources, const LoadOptions& options = {});
model::SchemaModel build_model(const std::vector<const ParsedSource*>& sources, const LoadOptions& options = {});

class Builder;

// build_model in two goes, for texts that come in over time (the
// introspector's catalog answers): declare() runs the passes that create
// types and objects (tables above all, the costliest statements to read)
// over the texts that are in, and finish() the other passes over every
// text. The model is the one build_model gives for finish's texts, in
// finish's order: finish() checks that the texts declare() did not see hold
// no statement of its passes (nor SET search_path anywhere), and builds
// again from the start when they do. The sources must outlive the build.
class StagedBuild {
public:
    explicit StagedBuild(LoadOptions options);
    StagedBuild(const StagedBuild&) = delete;
    StagedBuild& operator=(const StagedBuild&) = delete;
    ~StagedBuild();

    void declare(const std::vector<const ParsedSource*>& first);
    model::SchemaModel finish(const std::vector<const ParsedSource*>& all);

private:
    LoadOptions m_options;
    std::unique_ptr<Builder> m_builder;
    std::vector<const ParsedSource*> m_declared;
    bool m_search_path_set = false;  // declare()'s texts qualified names under a SET search_path
};

} // namespace pgshape::parser
