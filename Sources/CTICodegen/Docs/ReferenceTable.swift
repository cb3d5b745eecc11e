import CTISpec

/// One Key | Value | Notes table of the reference, as the source chapter lays it out.
public struct ReferenceTable: Sendable, Hashable {
    /// Which of a message's tables this is.
    public enum Part: String, Sendable, Hashable, CaseIterable {
        case header, body, responseHeader, responseBody
    }

    /// One row: the three cells, and whether the spec records an erratum on it.
    public struct Row: Sendable, Hashable {
        /// The Key cell (a dotted or `[]` path for nested fields).
        public var key: String
        /// The Value cell.
        public var value: String
        /// The Notes cell.
        public var notes: String
        /// Whether the spec records an erratum on this row.
        public var hasErratum: Bool
        /// Whether the row was derived from a nested type rather than written as a row of the table.
        public var isNested: Bool
    }

    /// The message's display name.
    public var message: String
    /// Which table.
    public var part: Part
    /// The heading, e.g. `Request Headers`.
    public var title: String
    /// The rows; a body without fields has the single row `None`.
    public var rows: [Row]
    /// Whether the body was derived from an example rather than a table.
    public var fromExample: Bool
    /// Whether the message or response this table belongs to records an erratum.
    public var ownerHasErrata: Bool

    /// The tables of every message of a destination, in source order.
    public static func tables(for destination: Destination, in spec: Spec) -> [ReferenceTable] {
        destination.messages.flatMap { tables(for: $0, in: spec) }
    }

    /// The tables of one message: header, body, and for queries and requests the response's.
    public static func tables(for message: Message, in spec: Spec) -> [ReferenceTable] {
        let protocolDefinition = spec.protocolDefinition
        guard let kind = protocolDefinition.kind(message.kind) else { return [] }
        let kindTitle = title(of: kind)
        let name = message.displayName
        var result = [
            ReferenceTable(
                message: name, part: .header, title: "\(kindTitle) Headers",
                rows: headerRows(message.header, kind: kind, messageName: name), fromExample: false,
                ownerHasErrata: !message.errata.isEmpty),
            ReferenceTable(
                message: name, part: .body, title: "\(kindTitle) Body", rows: bodyRows(message.body.rows),
                fromExample: message.body.source == .example, ownerHasErrata: !message.errata.isEmpty),
        ]
        if let response = message.response, let answeredBy = kind.answeredBy,
            let responseKind = protocolDefinition.kind(answeredBy)
        {
            let title = title(of: responseKind)
            result.append(
                ReferenceTable(
                    message: name, part: .responseHeader, title: "\(title) Headers",
                    rows: headerRows(response.header, kind: responseKind, messageName: name), fromExample: false,
                    ownerHasErrata: !response.errata.isEmpty))
            result.append(
                ReferenceTable(
                    message: name, part: .responseBody, title: "\(title) Body", rows: bodyRows(response.body.rows),
                    fromExample: response.body.source == .example, ownerHasErrata: !response.errata.isEmpty))
        }
        return result
    }

    /// `Query`, `Response`, ...: the kind as the source's table headings name it.
    private static func title(of kind: MessageKind) -> String {
        kind.id.rawValue.prefix(1).uppercased() + kind.id.rawValue.dropFirst()
    }

    private static func headerRows(_ rows: [HeaderRow], kind: MessageKind, messageName: String) -> [Row] {
        rows.map { row in
            let value: String
            switch kind.headerField(row.key)?.type {
            case .wireType?: value = kind.wireType
            case .messageName?: value = messageName
            case let type?: value = displayValue(type)
            case nil: value = ""
            }
            return Row(
                key: row.key, value: row.display ?? value, notes: row.notes, hasErratum: !row.errata.isEmpty,
                isNested: false)
        }
    }

    /// The rows of a named type: its fields for an object, its values for an enum.
    public static func rows(of named: NamedType) -> [Row] {
        switch named.type {
        case .object(let fields): bodyRows(fields)
        case .enumeration(let values): values.map { Row(key: $0, value: "", notes: "", hasErratum: false, isNested: false) }
        default: []
        }
    }

    private static func bodyRows(_ rows: [Field]) -> [Row] {
        guard !rows.isEmpty else { return [Row(key: "None", value: "", notes: "", hasErratum: false, isNested: false)] }
        return rows.flatMap { row(for: $0, path: $0.key, isNested: false) }
    }

    /// A field's row followed by rows for the fields nested in it (`labels[].language`).
    private static func row(for field: Field, path: String, isNested: Bool) -> [Row] {
        let own = Row(
            key: path, value: field.display ?? displayValue(field.type),
            notes: ([field.notes] + field.conditions.map(\.sentence)).filter { !$0.isEmpty }.joined(separator: " "),
            hasErratum: !field.errata.isEmpty, isNested: isNested)
        var type = field.type
        var nestedPath = path
        while case .array(let element) = type {
            type = element
            nestedPath += "[]"
        }
        guard case .object(let members) = type else { return [own] }
        return [own] + members.flatMap { row(for: $0, path: "\(nestedPath).\($0.key)", isNested: true) }
    }

    /// The Value cell for a type, in the source's spelling.
    public static func displayValue(_ type: FieldType) -> String {
        switch type {
        case .string: "String"
        case .boolean: "Boolean"
        case .integer: "Integer"
        case .number: "Number"
        case .guid: "{GUID}"
        case .json: "JSON"
        case .enumeration(let values): values.joined(separator: " | ")
        case .constant(let value): value
        case .object: "Object"
        case .array(let element): "Array of \(displayValue(element))"
        case .map(let element): "Map of \(displayValue(element))"
        case .wireType: "Wire type"
        case .messageName: "Message name"
        case .reference(let name): name
        }
    }
}
