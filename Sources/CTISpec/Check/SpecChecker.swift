/// Semantic checks over a whole spec: references resolve, names are unique, header tables match
/// their kinds, examples match their bodies. What the names become in a programming language is
/// the generator's to check (CTICodegen's `SwiftNameChecker`).
struct SpecChecker {
    let spec: Spec

    func check(into log: inout DiagnosticLog) {
        checkKinds(into: &log)
        checkRules(into: &log)
        checkAnswering(into: &log)
        checkDestinations(into: &log)
    }

    // MARK: Protocol

    private func checkKinds(into log: inout DiagnosticLog) {
        let kinds = spec.protocolDefinition.kinds
        var seenIDs: Set<MessageKind.ID> = []
        var seenWireTypes: Set<String> = []
        for kind in kinds {
            if !seenIDs.insert(kind.id).inserted {
                log.error("the kind '\(kind.id.rawValue)' is defined twice; keep one definition", at: kind.location)
            }
            if !seenWireTypes.insert(kind.wireType).inserted {
                log.error("two kinds use the wire type '\(kind.wireType)'", at: kind.location)
            }
            if let answeredBy = kind.answeredBy, spec.protocolDefinition.kind(answeredBy) == nil {
                log.error("the kind '\(kind.id.rawValue)' is answered by '\(answeredBy.rawValue)', which is not defined", at: kind.location)
            }
            checkUniqueKeys(kind.header.map { ($0.key, $0.location) }, in: "the header of kind '\(kind.id.rawValue)'", into: &log)
            for (key, types) in [("type", ["wireType"]), ("name", ["messageName", "string"])] {
                guard let field = kind.headerField(key) else {
                    log.error("the header of kind '\(kind.id.rawValue)' has no '\(key)' field; every message carries one", at: kind.location)
                    continue
                }
                if !types.contains(field.type.keyword) {
                    let list = types.map { "'\($0)'" }.joined(separator: " or ")
                    log.error("the '\(key)' header field must have type \(list)", at: field.location)
                }
            }
        }
    }

    /// What the generated router and event sender rely on: answered kinds carry a target, and their
    /// answering kind has a rule that says which result is a failure and what it must carry.
    private func checkAnswering(into log: inout DiagnosticLog) {
        let protocolDefinition = spec.protocolDefinition
        for kind in protocolDefinition.kinds where kind.answeredBy != nil || kind.id == .event {
            if kind.headerField("target").map({ $0.type == .string && $0.isRequired }) != true {
                log.error(
                    "the header of kind '\(kind.id.rawValue)' needs a required 'target' field of type string: responses echo it and events are gated by it",
                    at: kind.location)
            }
        }
        for kind in protocolDefinition.kinds {
            guard let answeredBy = kind.answeredBy, let answering = protocolDefinition.kind(answeredBy) else { continue }
            let outcomeRule = protocolDefinition.rules.first { rule in
                guard let condition = rule.when, let required = rule.require,
                    case .enumeration(let values)? = answering.headerField(condition.key)?.type,
                    values.contains(where: { $0 != condition.equals }),
                    answering.headerField(required)?.isRequired == false
                else { return false }
                return true
            }
            guard let outcomeRule, let outcome = outcomeRule.when?.key, let message = outcomeRule.require else {
                log.error(
                    "kind '\(answering.id.rawValue)' answers '\(kind.id.rawValue)' but no rule says which value of an enum header field is a failure and which optional field it requires (like failure-needs-error-message)",
                    at: answering.location)
                continue
            }
            checkEcho(of: kind, by: answering, outcome: outcome, message: message, into: &log)
        }
    }

    /// An answer's header is built from the answered message's header: apart from the outcome and
    /// the failure's message, each of its required fields is echoed, and an echoed field has the
    /// same key, type and Swift name on both sides (header enums are types of their own header, so
    /// they cannot be echoed).
    private func checkEcho(
        of kind: MessageKind, by answering: MessageKind, outcome: String, message: String, into log: inout DiagnosticLog
    ) {
        for field in answering.header where field.key != outcome && field.key != message {
            guard field.type != .wireType, field.type != .messageName else { continue }
            let what = "the header field '\(field.key)' of kind '\(answering.id.rawValue)'"
            guard let source = kind.headerField(field.key) else {
                if field.isRequired {
                    log.error(
                        "\(what) is required, but kind '\(kind.id.rawValue)', which it answers, has no such field to echo; add it to '\(kind.id.rawValue)' or make it optional",
                        at: field.location)
                }
                continue
            }
            if case .enumeration = field.type {
                log.error(
                    "\(what) echoes kind '\(kind.id.rawValue)' and cannot be an enum (each header's enums are its own types); make it a string on both kinds",
                    at: field.location)
            } else if source.type != field.type || source.swiftName != field.swiftName {
                log.error(
                    "\(what) echoes kind '\(kind.id.rawValue)', where it has another type or swiftName; give it the same on both kinds",
                    at: field.location)
            } else if field.isRequired && !source.isRequired {
                log.error(
                    "\(what) is required, but it is optional in kind '\(kind.id.rawValue)', which it answers and echoes; make both required or this one optional",
                    at: field.location)
            }
        }
    }

    private func checkRules(into log: inout DiagnosticLog) {
        var seen: Set<String> = []
        for rule in spec.protocolDefinition.rules {
            if !seen.insert(rule.id).inserted {
                log.error("the rule '\(rule.id)' is defined twice", at: rule.location)
            }
            guard let condition = rule.when, let required = rule.require else { continue }
            let kinds = spec.protocolDefinition.kinds.filter { $0.headerField(condition.key) != nil }
            if kinds.isEmpty {
                let keys = Set(spec.protocolDefinition.kinds.flatMap { $0.header.map(\.key) })
                log.error(
                    "the rule '\(rule.id)' tests the header field '\(condition.key)', which no kind has\(Suggestions.didYouMean(condition.key, in: keys))",
                    at: rule.location)
            }
            for kind in kinds {
                if kind.headerField(required) == nil {
                    log.error(
                        "the rule '\(rule.id)' requires '\(required)', which the header of kind '\(kind.id.rawValue)' does not have",
                        at: rule.location)
                }
                if case .enumeration(let values) = kind.headerField(condition.key)?.type, !values.contains(condition.equals) {
                    log.error(
                        "the rule '\(rule.id)' tests for '\(condition.equals)', which is not a value of '\(condition.key)' (\(values.joined(separator: ", ")))",
                        at: rule.location)
                }
            }
        }
    }

    // MARK: Destinations

    private func checkDestinations(into log: inout DiagnosticLog) {
        var destinationNames: [String: Destination] = [:]
        var messageNames: [String: SourceLocation] = [:]
        // Which destination each wire name belongs to: the router finds a message's route by its name, so
        // only the variants of one destination may share a name.
        var owners: [String: (destination: String, location: SourceLocation)] = [:]
        var events: [String: Message] = [:]
        var namelessByKind: [MessageKind.ID: SourceLocation] = [:]
        for destination in spec.destinations {
            if let other = destinationNames.updateValue(destination, forKey: destination.displayName) {
                let what = destination.variant.map { "the variant '\($0.name)' of '\(destination.name)'" } ?? "the destination '\(destination.name)'"
                log.error("\(what) is already defined in \(other.file)", at: destination.location)
            }
            for message in destination.messages {
                guard let name = message.name else {
                    if let first = namelessByKind.updateValue(message.location, forKey: message.kind) {
                        log.error(
                            "a \(message.kind.rawValue) without a fixed name is already defined at \(first); the bridge side tells them apart by type alone, so a spec has one",
                            at: message.location)
                    }
                    continue
                }
                if let owner = owners[name], owner.destination != destination.name {
                    log.error(
                        "the message '\(name)' is already a message of the destination '\(owner.destination)' (\(owner.location)); a name belongs to one destination",
                        at: message.location)
                } else if owners[name] == nil {
                    owners[name] = (destination.name, message.location)
                }
                // A variant's copy of a message it extends shares the name; a message of its own must
                // not clash within the variant (the joiner reports one that clashes with the destination).
                if let variant = destination.variant {
                    if variant.extends(name) { continue }
                    if let first = messageNames.updateValue(message.location, forKey: "\(name) (\(variant.name))") {
                        log.error("the message '\(name)' is already defined at \(first)", at: message.location)
                    }
                } else if let first = messageNames.updateValue(message.location, forKey: name) {
                    log.error("the message '\(name)' is already defined at \(first)", at: message.location)
                }
                if message.kind == .event { events[name] = message }
            }
        }
        for destination in spec.destinations {
            checkDestination(destination, events: events, into: &log)
        }
    }

    private func checkDestination(_ destination: Destination, events: [String: Message], into log: inout DiagnosticLog) {
        for message in destination.messages {
            guard let kind = spec.protocolDefinition.kind(message.kind) else {
                log.error("the kind '\(message.kind.rawValue)' is not defined in \(spec.protocolDefinition.file)", at: message.location)
                continue
            }
            let what = "the message '\(message.displayName)'"
            checkName(of: message, kind: kind, into: &log)
            checkHeader(message.header, of: kind, what: what, at: message.location, into: &log)
            checkBody(message.body, what: what, in: destination, into: &log)
            checkResponse(of: message, kind: kind, in: destination, into: &log)
            for produced in message.produces {
                if kind.answeredBy == nil {
                    log.error("only queries and requests produce events; remove 'produces' from \(what)", at: produced.location)
                } else if events[produced.name] == nil {
                    log.error(
                        "\(what) produces '\(produced.name)', which is not an event of this spec\(Suggestions.didYouMean(produced.name, in: events.keys))",
                        at: produced.location)
                }
            }
        }
        checkInitQuery(of: destination, into: &log)
        checkNamedTypes(of: destination, into: &log)
    }

    // MARK: Named types

    private func checkNamedTypes(of destination: Destination, into log: inout DiagnosticLog) {
        var seen: [String: SourceLocation] = [:]
        for named in destination.types {
            if !Self.isTypeName(named.name) {
                log.error(
                    "the type name '\(named.name)' must be a capital letter, then ASCII letters and digits",
                    at: named.location)
            }
            if let first = seen.updateValue(named.location, forKey: named.name) {
                log.error("the name '\(named.name)' is already used at \(first); choose another", at: named.location)
            }
            if FieldType.bodyKeywords.contains(named.name) {
                log.error("the type name '\(named.name)' is a built-in type keyword", at: named.location)
            }
            switch named.type {
            case .object(let members):
                checkFields(members, in: "the type '\(named.name)'", into: &log)
                checkReferences(in: members, destination: destination, into: &log)
                ConditionChecker(destination: destination).check(root: members, into: &log)
            case .enumeration(let values):
                checkEnumValues(values, of: named.name, at: named.location, into: &log)
            default:
                log.error(
                    "the named type '\(named.name)' is a \(named.type.keyword); a named type is an object or an enum (use the type directly in the field)",
                    at: named.location)
            }
            if contains(named.name, in: named.type, destination: destination, visited: []) {
                log.error(
                    "the type '\(named.name)' contains itself outside an array or map, so a value of it could never end; put the inner one in an array",
                    at: named.location)
            }
        }
    }

    /// Reports every reference to a type the destination does not define.
    private func checkReferences(in fields: [Field], destination: Destination, into log: inout DiagnosticLog) {
        let known = FieldType.bodyKeywords + destination.types.map(\.name)
        func visit(_ type: FieldType, _ field: Field) {
            switch type {
            case .reference(let name) where destination.namedType(name) == nil:
                log.error(
                    "the field '\(field.key)' has the type '\(name)', which is neither built in nor defined under 'types:'\(Suggestions.didYouMean(name, in: known))",
                    at: field.location)
            case .array(let element), .map(let element):
                visit(element, field)
            case .object(let members):
                for member in members { visit(member.type, member) }
            default:
                break
            }
        }
        for field in fields { visit(field.type, field) }
    }

    /// Whether `type` holds a value of the named type `name` directly (through objects and optional
    /// fields, not through arrays or maps, which can be empty).
    private func contains(_ name: String, in type: FieldType, destination: Destination, visited: Set<String>) -> Bool {
        switch type {
        case .reference(let other):
            if other == name { return true }
            guard !visited.contains(other), let named = destination.namedType(other) else { return false }
            return contains(name, in: named.type, destination: destination, visited: visited.union([other]))
        case .object(let members):
            return members.contains { contains(name, in: $0.type, destination: destination, visited: visited) }
        default:
            return false
        }
    }

    private func checkName(of message: Message, kind: MessageKind, into log: inout DiagnosticLog) {
        if message.kind == .response {
            log.error(
                "a response is written under the query or request it answers (its 'response:'), not as a message of its own",
                at: message.location)
        }
        let nameIsFixed = kind.headerField("name")?.type == .messageName
        if message.name == nil, nameIsFixed {
            log.error("the message has no 'name'; \(kind.id.rawValue) messages have a fixed wire name", at: message.location)
        }
        if message.name == nil, message.swiftName == nil {
            log.error("a message without 'name' needs 'swiftName' to name its Swift type", at: message.location)
        }
        if let name = message.name, !nameIsFixed {
            log.error(
                "\(kind.id.rawValue) messages carry their name at run time; remove 'name: \(name)' and keep 'swiftName'",
                at: message.location)
        }
    }

    private func checkResponse(of message: Message, kind: MessageKind, in destination: Destination, into log: inout DiagnosticLog) {
        let what = "the message '\(message.displayName)'"
        guard let answeredBy = kind.answeredBy else {
            if let response = message.response {
                log.error("\(kind.id.rawValue) messages are not answered; remove the response of \(what)", at: response.location)
            }
            return
        }
        guard let response = message.response else {
            log.error("\(what) is a \(kind.id.rawValue) and needs a 'response:'", at: message.location)
            return
        }
        if let name = response.name, name.name != message.name {
            log.error(
                "the response is named '\(name.name)' but answers '\(message.displayName)'; a response repeats the name of what it answers",
                at: name.location)
        }
        guard let responseKind = spec.protocolDefinition.kind(answeredBy) else { return }
        checkHeader(response.header, of: responseKind, what: "the response to '\(message.displayName)'", at: response.location, into: &log)
        checkBody(response.body, what: "the response to '\(message.displayName)'", in: destination, into: &log)
    }

    private func checkInitQuery(of destination: Destination, into log: inout DiagnosticLog) {
        // A variant has its destination's, checked there.
        guard destination.variant == nil else { return }
        guard let initQuery = destination.initQuery else {
            if destination.messages.contains(where: { $0.kind == .event }) {
                log.warning(
                    "the destination '\(destination.name)' has events but no 'initQuery'; the rule that no event precedes initialization cannot be enforced",
                    at: destination.location)
            }
            return
        }
        let queries = destination.messages.filter { $0.kind == .query }.compactMap(\.name)
        if !queries.contains(initQuery.name) {
            log.error(
                "initQuery '\(initQuery.name)' is not a query of the destination '\(destination.name)'\(Suggestions.didYouMean(initQuery.name, in: queries))",
                at: initQuery.location)
        }
    }

    // MARK: Tables

    private func checkHeader(
        _ rows: [HeaderRow], of kind: MessageKind, what: String, at location: SourceLocation, into log: inout DiagnosticLog
    ) {
        let known = kind.header.map(\.key)
        var seen: Set<String> = []
        for row in rows {
            if !known.contains(row.key) {
                log.error(
                    "the header of \(what) has the row '\(row.key)', which \(kind.id.rawValue) headers do not have\(Suggestions.didYouMean(row.key, in: known))",
                    at: row.location)
            } else if !seen.insert(row.key).inserted {
                log.error("the header of \(what) lists '\(row.key)' twice", at: row.location)
            }
        }
        for key in known where !seen.contains(key) {
            log.error("the header of \(what) has no row for '\(key)'; add it with the source's notes", at: location)
        }
    }

    private func checkBody(_ body: Body, what: String, in destination: Destination, into log: inout DiagnosticLog) {
        checkFields(body.fields, in: "the body of \(what)", into: &log)
        checkReferences(in: body.fields, destination: destination, into: &log)
        ConditionChecker(destination: destination).check(root: body.fields, into: &log)
        if body.source == .example, body.example == nil, let first = body.rows.first {
            log.error("the body of \(what) is derived from an example ('bodyFrom: example') but gives none; add 'example:'", at: first.location)
        }
        if let example = body.example {
            let location = body.exampleLocation ?? body.rows.first?.location ?? spec.protocolDefinition.location
            ExampleChecker.check(example, against: body.fields, path: "example", at: location, in: destination, into: &log)
            ExampleChecker.checkConditions(example, of: body.fields, path: "example", at: location, into: &log)
        }
    }

    /// Checks one object's fields and, recursively, the objects and enums inside them: a member is
    /// listed once, an enum lists each value once.
    private func checkFields(_ fields: [Field], in what: String, into log: inout DiagnosticLog) {
        var members: [String: Field] = [:]
        for field in fields {
            if let other = members.updateValue(field, forKey: field.memberName) {
                log.error("\(what) lists the member '\(field.memberName)' twice (the other at \(other.location))", at: field.location)
            }
            switch field.type.innermostElement {
            case .object(let nested): checkFields(nested, in: "'\(field.key)'", into: &log)
            case .enumeration(let values): checkEnumValues(values, of: field.key, at: field.location, into: &log)
            default: break
            }
        }
    }

    private func checkEnumValues(_ values: [String], of owner: String, at location: SourceLocation, into log: inout DiagnosticLog) {
        var seen: Set<String> = []
        for value in values where !seen.insert(value).inserted {
            log.error("the enum '\(owner)' lists the value '\(value)' twice", at: location)
        }
    }

    /// A capital ASCII letter, then ASCII letters and digits: how a named type is spelled.
    static func isTypeName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("A"..."Z").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) }
    }

    private func checkUniqueKeys(_ keys: [(String, SourceLocation)], in what: String, into log: inout DiagnosticLog) {
        var seen: Set<String> = []
        for (key, location) in keys where !seen.insert(key).inserted {
            log.error("\(what) lists '\(key)' twice", at: location)
        }
    }
}
