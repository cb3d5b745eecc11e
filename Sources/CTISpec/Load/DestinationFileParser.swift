import CTIRuntime
import Yams

extension YAMLReader {
    /// Reads a destination file's root mapping.
    func destination(_ root: Node) -> Destination? {
        guard case .mapping(let top) = root else { return nil }
        let isVariant = top.keys.contains { $0.string == "variant" }
        let variantKeys = ["variant", "extends", "refuses"]
        guard
            let fields = mapping(
                root, isVariant ? "the variant file" : "the destination file",
                allowed: ["destination", "title", "summary", "swiftName", "errata", "types", "messages"]
                    + (isVariant ? variantKeys : ["initQuery", "target"] + variantKeys.dropFirst()),
                required: ["destination", "title", "summary"] + (isVariant ? [] : ["messages"]))
        else { return nil }
        if !isVariant {
            for key in variantKeys.dropFirst() where fields.has(key) {
                error("'\(key)' belongs in a variant file; add 'variant:' with the variant's name", at: fields[key]!)
            }
        }
        let name = fields["destination"].flatMap { self.name($0, "the destination's name") }
        let title = fields["title"].flatMap { self.name($0, "the destination's title") }
        let summary = fields["summary"].flatMap { string($0, "the destination's summary") }
        let swiftName = fields["swiftName"].flatMap { self.name($0, "the destination's swiftName") }
        let initQuery = fields["initQuery"].flatMap(reference)
        let target = fields["target"].flatMap(targetShape)
        let variant = fields["variant"].flatMap { self.variant($0, fields) }
        let errata = errata(fields["errata"])
        let types = fields["types"].flatMap { sequence($0, "types") }?.compactMap(namedType) ?? []
        let messageNodes = fields["messages"].flatMap { sequence($0, "messages") } ?? []
        listedMessages = messageNodes.count
        if messageNodes.count > messageLimit { firstUnreadMessage = location(of: messageNodes[messageLimit]) }
        let messages = messageNodes.prefix(messageLimit).compactMap(message)
        // A variant whose name cannot be read is not read as the destination itself.
        guard let name, let title, let summary, !isVariant || variant != nil else { return nil }
        return Destination(
            name: name, title: title, summary: summary, swiftName: swiftName, initQuery: initQuery, target: target,
            variant: variant, errata: errata, types: types, messages: messages, file: file, location: fields.location)
    }

    /// Reads `variant:` with the file's `extends:` and `refuses:`.
    private func variant(_ node: Node, _ fields: Mapping) -> DestinationVariant? {
        guard let name = self.name(node, "the variant's name") else { return nil }
        guard name.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) }),
            let first = name.unicodeScalars.first, ("a"..."z").contains(first)
        else {
            error("the variant's name must be lower-case ASCII letters and digits, starting with a letter (telephony), found '\(name)'", at: node)
            return nil
        }
        guard name != "generic" else {
            error("the variant cannot be called 'generic': that names the destination itself; use the kind's own name (telephony)", at: node)
            return nil
        }
        let extensions = fields["extends"].flatMap { sequence($0, "extends") }?.compactMap(messageExtension) ?? []
        let refusals = fields["refuses"].flatMap { sequence($0, "refuses") }?.compactMap(refusal) ?? []
        return DestinationVariant(name: name, extensions: extensions, refusals: refusals, location: location(of: node))
    }

    /// One entry of `extends:`: the message, rows added to its body and its response's body, and response
    /// members the variant never sends.
    private func messageExtension(_ node: Node) -> MessageExtension? {
        guard
            let fields = mapping(
                node, "an entry of extends", allowed: ["message", "body", "example", "response", "errata"],
                required: ["message"])
        else { return nil }
        guard let message = fields["message"].flatMap(reference) else { return nil }
        let what = "the extension of '\(message.name)'"
        var responseBody = Body(rows: [], fields: [])
        var absent: [Reference] = []
        if let responseNode = fields["response"],
            let response = mapping(responseNode, "the response of \(what)", allowed: ["body", "example", "absent"])
        {
            responseBody = body(response, "the response of \(what)")
            absent = response["absent"].flatMap { strings($0, "absent") }?.map { Reference(name: $0.0, location: $0.1) } ?? []
        }
        return MessageExtension(
            message: message, body: body(fields, what), responseBody: responseBody, absent: absent,
            errata: errata(fields["errata"]), location: fields.location)
    }

    /// One entry of `refuses:`: a query or request answered FAILURE with `reason`.
    private func refusal(_ node: Node) -> Refusal? {
        guard let fields = mapping(node, "an entry of refuses", allowed: ["message", "reason"], required: ["message", "reason"])
        else { return nil }
        guard let message = fields["message"].flatMap(reference),
            let reason = fields["reason"].flatMap({ string($0, "the reason for refusing '\(message.name)'") })
        else { return nil }
        if reason.isEmpty { error("the reason for refusing '\(message.name)' is empty; it is the FAILURE's errorMessage", at: fields.location) }
        return Refusal(message: message, reason: reason, location: fields.location)
    }

    private func message(_ node: Node) -> Message? {
        guard
            let fields = mapping(
                node, "a message",
                allowed: [
                    "name", "kind", "swiftName", "summary", "header", "body", "bodyFrom", "example", "produces",
                    "response", "errata",
                ],
                required: ["kind", "summary", "header", "body"])
        else { return nil }
        let name = fields["name"].flatMap { self.name($0, "a message's name") }
        let what = name.map { "the message '\($0)'" } ?? "a message"
        let kind = fields["kind"].flatMap { oneOf($0, "the kind of \(what)", MessageKind.ID.allCases.map(\.rawValue)) }
            .flatMap(MessageKind.ID.init(rawValue:))
        let swiftName = fields["swiftName"].flatMap { self.name($0, "the swiftName of \(what)") }
        let summary = fields["summary"].flatMap { string($0, "the summary of \(what)") } ?? ""
        let header = fields["header"].map { headerRows($0, "the header of \(what)") } ?? []
        let body = self.body(fields, what)
        let producedNames: [(String, SourceLocation)] = fields["produces"].flatMap { strings($0, "produces") } ?? []
        let produces = producedNames.map { Reference(name: $0.0, location: $0.1) }
        let response = fields["response"].flatMap { self.response($0, "the response to \(what)") }
        let errata = errata(fields["errata"])
        guard let kind else { return nil }
        return Message(
            name: name, kind: kind, swiftName: swiftName, summary: summary, header: header, body: body,
            produces: produces, response: response, errata: errata, location: fields.location)
    }

    private func response(_ node: Node, _ what: String) -> ResponseDefinition? {
        guard
            let fields = mapping(
                node, what, allowed: ["name", "header", "body", "bodyFrom", "example", "errata"],
                required: ["header", "body"])
        else { return nil }
        let name = fields["name"].flatMap(reference)
        let header = fields["header"].map { headerRows($0, "the header of \(what)") } ?? []
        let body = self.body(fields, what)
        return ResponseDefinition(
            name: name, header: header, body: body, errata: errata(fields["errata"]), location: fields.location)
    }

    /// Reads `body`, `bodyFrom` and `example` of a message or response.
    private func body(_ fields: Mapping, _ what: String) -> Body {
        let rows = fields["body"].map { self.fields($0, "the body of \(what)") } ?? []
        let source = fields["bodyFrom"].flatMap { oneOf($0, "bodyFrom", BodySource.allCases.map(\.rawValue)) }
            .flatMap(BodySource.init(rawValue:)) ?? .table
        let example = fields["example"].flatMap(value)
        return Body(
            rows: rows, fields: nest(rows), source: source, example: example,
            exampleLocation: fields["example"].map(location(of:)))
    }

    private func headerRows(_ node: Node, _ what: String) -> [HeaderRow] {
        guard let items = sequence(node, what) else { return [] }
        return items.compactMap { item in
            guard
                let fields = mapping(
                    item, "a row of \(what)", allowed: ["key", "notes", "display", "errata"],
                    required: ["key", "notes"])
            else { return nil }
            guard let key = fields["key"].flatMap({ name($0, "a header row's key") }) else { return nil }
            return HeaderRow(
                key: key, notes: fields["notes"].flatMap { string($0, "the notes of header row '\(key)'") } ?? "",
                display: fields["display"].flatMap { string($0, "the display text of header row '\(key)'") },
                errata: errata(fields["errata"]), location: fields.location)
        }
    }

    private func reference(_ node: Node) -> Reference? {
        name(node, "a message name").map { Reference(name: $0, location: location(of: node)) }
    }

    /// Folds rows with dotted keys into nested object fields, in first-appearance order, and reports
    /// a key that is used both as a plain field and as an object.
    ///
    /// An object that no row declares is implied by its members: it is required when any of them is.
    func nest(_ rows: [Field]) -> [Field] {
        var result: [Field] = []
        var implied: Set<String> = []
        for row in rows {
            let path = row.key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            if path.contains(where: \.isEmpty) {
                error("the key '\(row.key)' has an empty segment; dots separate nested object names", at: row.location)
                continue
            }
            insert(row, path: path[...], prefix: "", into: &result, implied: &implied)
        }
        return result
    }

    private func insert(
        _ row: Field, path: ArraySlice<String>, prefix: String, into fields: inout [Field], implied: inout Set<String>
    ) {
        let head = path.first!
        let fullKey = prefix.isEmpty ? head : prefix + "." + head
        let index = fields.firstIndex { $0.key == head }
        if path.count == 1 {
            var leaf = row
            leaf.key = head
            guard let index else {
                if case .object(let properties) = leaf.type { leaf.type = .object(nest(properties)) }
                fields.append(leaf)
                return
            }
            // A row that declares an object already implied by earlier dotted rows gives it notes.
            if implied.contains(fullKey), case .object(let members) = fields[index].type,
                case .object(let declared) = leaf.type, declared.isEmpty
            {
                implied.remove(fullKey)
                leaf.type = .object(members)
                fields[index] = leaf
            } else {
                error("the key '\(row.key)' is defined twice in this body", at: row.location)
            }
            return
        }
        if let index {
            guard case .object(var properties) = fields[index].type else {
                error(
                    "the key '\(row.key)' puts a field inside '\(head)', but '\(head)' is not an object",
                    at: row.location)
                return
            }
            insert(row, path: path.dropFirst(), prefix: fullKey, into: &properties, implied: &implied)
            fields[index].type = .object(properties)
            if implied.contains(fullKey) { fields[index].isRequired = fields[index].isRequired || row.isRequired }
        } else {
            var properties: [Field] = []
            insert(row, path: path.dropFirst(), prefix: fullKey, into: &properties, implied: &implied)
            implied.insert(fullKey)
            fields.append(
                Field(key: head, type: .object(properties), notes: "", isRequired: row.isRequired, location: row.location))
        }
    }

    /// `target: "{processor}.CONTROL"`: the form of the destination's targets.
    private func targetShape(_ node: Node) -> TargetShape? {
        guard let pattern = string(node, "target") else { return nil }
        guard let shape = TargetShape(pattern: pattern) else {
            error(
                "target must be dot-separated segments, each a word (CONTROL) or an id in braces ({processor}), found '\(pattern)'",
                at: node)
            return nil
        }
        return shape
    }
}
