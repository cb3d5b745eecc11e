import CTISpec

/// Doc comment text built from the spec's notes, summaries and errata.
enum DocText {
    /// A field's doc comment: its notes, its wire key when the Swift name differs, and its errata.
    static func field(_ field: Field) -> SwiftDocComment {
        var paragraphs = [field.notes]
        if field.swiftPropertyName != field.memberName {
            paragraphs.append("Wire key: `\(field.memberName)`.")
        }
        paragraphs += field.errata.map(erratum)
        return SwiftDocComment(paragraphs)
    }

    /// `Erratum. Source: ... Spec: ... Why: ...`
    static func erratum(_ erratum: Erratum) -> String {
        "Erratum. Source: \(erratum.source) Spec: \(erratum.fix) Why: \(erratum.reason)"
    }

    /// A summary folded onto one paragraph per blank-line-separated block.
    static func summary(_ text: String) -> String {
        text.split(separator: "\n\n").map { $0.split(whereSeparator: \.isNewline).joined(separator: " ") }
            .joined(separator: "\n\n")
    }
}
