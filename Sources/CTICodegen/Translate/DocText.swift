import CTISpec

/// Doc comment text built from the spec's notes, summaries and errata.
enum DocText {
    /// A field's doc comment: its notes, then its wire key when the Swift name differs, and its errata,
    /// as sentences of one paragraph.
    static func field(_ field: Field, property: String) -> SwiftDocComment {
        var sentences = [field.notes]
        if property != field.memberName { sentences.append("Wire key: `\(field.memberName)`.") }
        sentences += field.conditions.map(\.sentence)
        sentences += field.errata.map(erratum)
        return SwiftDocComment([paragraph(sentences)])
    }

    /// Pieces joined into one paragraph, each ending as a sentence: a period is added where a piece
    /// has no closing punctuation, so a note and the erratum after it do not run together.
    static func paragraph(_ pieces: [String]) -> String {
        pieces.map(\.trimmingTrailingWhitespace).filter { !$0.isEmpty }
            .map { ".!?:".contains($0.last!) ? $0 : $0 + "." }
            .joined(separator: " ")
    }

    /// `Erratum: <what the spec does instead of the source>`. The source's text and the reason stay in
    /// the spec, next to the fix, and in `cti-codegen docs`.
    static func erratum(_ erratum: Erratum) -> String {
        "Erratum: \(erratum.fix)"
    }

    /// A summary folded onto one paragraph per blank-line-separated block.
    static func summary(_ text: String) -> String {
        text.split(separator: "\n\n").map { $0.split(whereSeparator: \.isNewline).joined(separator: " ") }
            .joined(separator: "\n\n")
    }
}

extension String {
    fileprivate var trimmingTrailingWhitespace: String {
        var result = Substring(self)
        while let last = result.last, last.isWhitespace { result = result.dropLast() }
        return String(result)
    }
}
