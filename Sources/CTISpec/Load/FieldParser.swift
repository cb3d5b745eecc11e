import Yams

extension YAMLReader {
    /// The keys a field row may use.
    private static let rowKeys = [
        "key", "type", "notes", "required", "swiftName", "display", "values", "items", "properties", "value", "errata",
    ] + FieldCondition.Requirement.allCases.map(\.rawValue)
    /// The keys a type spec (`items:`, a map's `values:`) may use.
    private static let typeSpecKeys = ["type", "values", "items", "properties", "value"]

    /// Reads a list of field rows.
    func fields(_ node: Node, _ what: String, header: Bool = false) -> [Field] {
        guard let items = sequence(node, what) else { return [] }
        return items.compactMap { field($0, "a row of \(what)", header: header) }
    }

    /// Reads one field row. In a kind's header, `notes` is optional and the header-only types are allowed.
    func field(_ node: Node, _ what: String, header: Bool = false) -> Field? {
        let required = header ? ["key", "type"] : ["key", "type", "notes"]
        guard let fields = mapping(node, what, allowed: Self.rowKeys, required: required) else { return nil }
        let key = fields["key"].flatMap { name($0, "a field's key") }
        let row = key.map { "the field '\($0)'" } ?? what
        let type = typeOf(fields, row, header: header)
        let notes = fields["notes"].flatMap { string($0, "the notes of \(row)") } ?? ""
        let isRequired = fields["required"].flatMap { boolean($0, "'required' of \(row)") } ?? true
        let swiftName = fields["swiftName"].flatMap { name($0, "the swiftName of \(row)") }
        let display = fields["display"].flatMap { string($0, "the display text of \(row)") }
        let errata = errata(fields["errata"])
        let conditions = FieldCondition.Requirement.allCases.compactMap { requirement in
            fields[requirement.rawValue].flatMap { condition($0, requirement, of: row, header: header) }
        }
        guard let key, let type else { return nil }
        return Field(
            key: key, type: type, notes: notes, isRequired: isRequired, swiftName: swiftName, display: display,
            conditions: conditions, errata: errata, location: fields.location)
    }

    /// Reads `requiredWhen` or `absentWhen`: `{key: interaction-state, in: [ALERTING, DIALING]}`.
    private func condition(_ node: Node, _ requirement: FieldCondition.Requirement, of row: String, header: Bool) -> FieldCondition? {
        let what = "'\(requirement.rawValue)' of \(row)"
        guard !header else {
            error("\(what): a header field cannot have a condition; the protocol's rules: say when a header field is needed", at: node)
            return nil
        }
        guard let fields = mapping(node, what, allowed: ["key", "in"], required: ["key", "in"]) else { return nil }
        guard let key = fields["key"].flatMap({ name($0, "the key of \(what)") }),
            let values = fields["in"].flatMap({ strings($0, "the values of \(what)") })
        else { return nil }
        if values.isEmpty { error("\(what) lists no values in 'in'; add the values for which it holds", at: fields.location) }
        return FieldCondition(requirement: requirement, key: key, values: values.map(\.0), location: fields.location)
    }

    /// Reads an entry of `types:`: a name and a summary with a type spec.
    func namedType(_ node: Node) -> NamedType? {
        guard
            let fields = mapping(
                node, "a named type", allowed: ["name", "summary"] + Self.typeSpecKeys, required: ["name", "summary", "type"])
        else { return nil }
        let name = fields["name"].flatMap { self.name($0, "a named type's name") }
        let summary = fields["summary"].flatMap { string($0, "the summary of a named type") } ?? ""
        let type = typeOf(fields, name.map { "the type '\($0)'" } ?? "a named type", header: false)
        guard let name, let type else { return nil }
        return NamedType(name: name, summary: summary, type: type, location: fields.location)
    }

    /// Reads a type spec: a mapping with `type` and the keys that type needs.
    private func typeSpec(_ node: Node, _ what: String) -> FieldType? {
        guard let fields = mapping(node, what, allowed: Self.typeSpecKeys, required: ["type"]) else { return nil }
        return typeOf(fields, what, header: false)
    }

    /// Reads `type` and the keys it needs from a row or type spec, and rejects keys that belong to other types.
    private func typeOf(_ fields: Mapping, _ what: String, header: Bool) -> FieldType? {
        guard let typeNode = fields["type"] else { return nil }
        let keywords = header ? FieldType.headerKeywords : FieldType.bodyKeywords
        // A body type that is no keyword names a type of the destination's `types:`; the checker
        // reports one that is not defined.
        guard let keyword = header ? oneOf(typeNode, "the type of \(what)", keywords) : name(typeNode, "the type of \(what)")
        else { return nil }
        if !header, !keywords.contains(keyword) {
            for extra in ["values", "items", "properties", "value"] where fields.has(extra) {
                error("'\(extra)' does not apply to the named type \(keyword); remove it", at: typeNode)
            }
            return .reference(keyword)
        }
        let needs: [String: String] = [
            "enum": "values", "constant": "value", "array": "items", "map": "values", "object": "properties",
        ]
        for extra in ["values", "items", "properties", "value"] where fields.has(extra) && needs[keyword] != extra {
            let owner = needs.filter { $0.value == extra }.map(\.key).sorted().joined(separator: " or ")
            error("'\(extra)' only applies to type \(owner), but \(what) has type \(keyword); remove it", at: typeNode)
        }
        if let needed = needs[keyword], !fields.has(needed), keyword != "object" {
            error("\(what) has type \(keyword) and needs '\(needed)'", at: typeNode)
            return nil
        }
        switch keyword {
        case "string": return .string
        case "boolean": return .boolean
        case "integer": return .integer
        case "number": return .number
        case "guid": return .guid
        case "json": return .json
        case "wireType": return .wireType
        case "messageName": return .messageName
        case "constant":
            return fields["value"].flatMap { name($0, "the constant value of \(what)") }.map(FieldType.constant)
        case "enum":
            guard let values = fields["values"].flatMap({ strings($0, "the values of \(what)") }) else { return nil }
            if values.isEmpty { error("the enum \(what) lists no values; add at least one", at: fields.location) }
            var seen: Set<String> = []
            for (value, location) in values where !seen.insert(value).inserted {
                error("the enum \(what) lists the value '\(value)' twice", at: location)
            }
            return .enumeration(values.map(\.0))
        case "array":
            return fields["items"].flatMap { typeSpec($0, "the items of \(what)") }.map(FieldType.array)
        case "map":
            return fields["values"].flatMap { typeSpec($0, "the values of \(what)") }.map(FieldType.map)
        case "object":
            let properties = fields["properties"].map { self.fields($0, "the properties of \(what)") } ?? []
            return .object(properties)
        default:
            return nil
        }
    }
}
