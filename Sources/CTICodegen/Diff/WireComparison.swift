import CTISpec

/// Compares two specs as peers see them: what a bridge or client built from one sends and the other
/// reads. Finds the wire-breaking, compatible and documentation-only changes; what the generated Swift
/// API loses is `SwiftAPISurface`'s to find.
struct WireComparison {
    let old: Spec
    let new: Spec
    private(set) var changes: [SpecChange] = []
    private var scope = Scope()

    init(from old: Spec, to new: Spec) {
        self.old = old
        self.new = new
        compareProtocol()
        compareDestinations()
    }

    // MARK: Protocol

    private mutating func compareProtocol() {
        let (before, after) = (old.protocolDefinition, new.protocolDefinition)
        let framing: [(String, String, String)] = [
            ("lengthPrefixBytes", "\(before.framing.lengthPrefixBytes)", "\(after.framing.lengthPrefixBytes)"),
            ("byteOrder", before.framing.byteOrder, after.framing.byteOrder),
            ("encoding", before.framing.encoding, after.framing.encoding),
            ("maxFrameBytes", "\(before.framing.maxFrameBytes)", "\(after.framing.maxFrameBytes)"),
        ]
        for (key, was, now) in framing where was != now {
            add(.wire, at: after.location, nil, "framing.\(key) changed from \(was) to \(now): peers built from the two specs frame messages differently")
        }
        note(before.summary, after.summary, "the protocol's summary", at: after.location, nil)
        note(before.name, after.name, "the protocol's name", at: after.location, nil)
        for kind in before.kinds where after.kind(kind.id) == nil {
            add(.wire, at: kind.location, nil, "kind '\(kind.id.rawValue)' removed: its messages are no longer understood")
        }
        for kind in after.kinds {
            guard let was = before.kind(kind.id) else {
                add(.compatible, at: kind.location, nil, "kind '\(kind.id.rawValue)' added")
                continue
            }
            let what = "kind '\(kind.id.rawValue)'"
            if was.wireType != kind.wireType {
                add(.wire, at: kind.location, nil, "\(what): wireType changed from \(was.wireType) to \(kind.wireType)")
            }
            if was.sender != kind.sender || was.answeredBy != kind.answeredBy {
                add(.wire, at: kind.location, nil, "\(what): its sender or the kind that answers it changed")
            }
            note(was.summary, kind.summary, "the summary of \(what)", at: kind.location, nil)
            compare(was.header, kind.header, in: "the header of \(what)", sender: kind.sender, destination: nil)
        }
        compareRules()
    }

    private mutating func compareRules() {
        let (before, after) = (old.protocolDefinition.rules, new.protocolDefinition.rules)
        for rule in before where !after.contains(where: { $0.id == rule.id }) {
            add(.wire, at: rule.location, nil, "rule '\(rule.id)' removed: peers built from the old spec still enforce it")
        }
        for rule in after {
            guard let was = before.first(where: { $0.id == rule.id }) else {
                add(.wire, at: rule.location, nil, "rule '\(rule.id)' added: peers built from the old spec do not follow it")
                continue
            }
            if was.when != rule.when || was.require != rule.require {
                add(.wire, at: rule.location, nil, "rule '\(rule.id)' changed what it requires")
            }
            note(was.summary, rule.summary, "the summary of rule '\(rule.id)'", at: rule.location, nil)
        }
    }

    // MARK: Destinations

    private mutating func compareDestinations() {
        // A variant is compared with the same variant of the same destination (`channel (telephony)`).
        for destination in old.destinations where !new.destinations.contains(where: { $0.displayName == destination.displayName }) {
            let effect =
                destination.variant == nil
                ? "none of its messages is understood any more"
                : "its targets get the destination's messages, and its own messages are not understood any more"
            add(.wire, at: destination.location, destination.displayName, "destination '\(destination.displayName)' removed: \(effect)")
        }
        for destination in new.destinations {
            guard let was = old.destinations.first(where: { $0.displayName == destination.displayName }) else {
                add(.compatible, at: destination.location, destination.displayName, "destination '\(destination.displayName)' added")
                continue
            }
            compare(was, destination)
        }
    }

    private mutating func compare(_ was: Destination, _ destination: Destination) {
        let name = destination.displayName
        compareRefusals(was.variant?.refusals ?? [], destination.variant?.refusals ?? [], in: name)
        note(was.title, destination.title, "the title of destination '\(name)'", at: destination.location, name)
        note(was.summary, destination.summary, "the summary of destination '\(name)'", at: destination.location, name)
        noteErrata(was.errata, destination.errata, "destination '\(name)'", at: destination.location, name)
        if was.target != destination.target {
            add(.wire, at: destination.location, name,
                "the target form of destination '\(name)' changed from \(was.target.map { "'\($0)'" } ?? "any") to \(destination.target.map { "'\($0)'" } ?? "any"): a peer built from one spec refuses targets the other sends")
        }
        if was.initQuery?.name != destination.initQuery?.name {
            add(.wire, at: destination.initQuery?.location ?? destination.location, name,
                "the query that initializes destination '\(name)' changed: peers gate its events on different messages")
        }
        // A named type is a Swift name for a shape: the wire sees only the shapes, compared where they
        // are used (references resolved) and here, once, for the types both sides name alike.
        scope = Scope(old: was, new: destination)
        defer { scope = Scope() }
        let senders = typeSenders(in: destination)
        for type in destination.types {
            guard let before = was.namedType(type.name) else { continue }
            note(before.summary, type.summary, "the summary of type '\(type.name)'", at: type.location, name)
            compareType(before.type, type.type, what: "type '\(type.name)'", at: type.location, sender: senders[type.name], destination: name)
        }
        let (before, after) = (Self.keyed(was.messages), Self.keyed(destination.messages))
        for (key, message) in before where !after.contains(where: { $0.key == key }) {
            let sender = self.sender(of: message.kind, in: old)
            add(.wire, at: message.location, name,
                "\(message.displayName) removed (or renamed): a \(sender.map(\.rawValue) ?? "peer") built from the old spec still sends it, and one built from the new spec no longer understands it")
        }
        for (key, message) in after {
            guard let before = before.first(where: { $0.key == key })?.message else {
                if self.sender(of: message.kind, in: new) == .client {
                    add(.compatible, at: message.location, name, "\(message.displayName) added: a new \(message.kind.rawValue), which a bridge built from the old spec does not read")
                }
                continue
            }
            compare(before, message, in: destination)
        }
    }

    /// A request a variant starts to refuse is answered FAILURE where it was answered; one it stops
    /// refusing is answered where it was refused.
    private mutating func compareRefusals(_ was: [Refusal], _ refusals: [Refusal], in name: String) {
        for refusal in refusals {
            guard let before = was.first(where: { $0.message.name == refusal.message.name }) else {
                add(.wire, at: refusal.location, name,
                    "\(refusal.message.name) is now refused by '\(name)': a client built from the new spec answers it FAILURE, where one built from the old spec carried it out")
                continue
            }
            note(before.reason, refusal.reason, "the reason '\(name)' refuses \(refusal.message.name)", at: refusal.location, name)
        }
        for refusal in was where !refusals.contains(where: { $0.message.name == refusal.message.name }) {
            add(.compatible, at: refusal.location, name, "\(refusal.message.name) is no longer refused by '\(name)'")
        }
    }

    private mutating func compare(_ was: Message, _ message: Message, in destination: Destination) {
        let name = message.displayName
        note(was.summary, message.summary, "the summary of \(name)", at: message.location, destination.displayName)
        noteErrata(was.errata, message.errata, name, at: message.location, destination.displayName)
        if was.produces.map(\.name) != message.produces.map(\.name) {
            add(.documentation, at: message.location, destination.displayName, "the events \(name) causes changed")
        }
        for row in message.header {
            guard let before = was.header.first(where: { $0.key == row.key }) else { continue }
            note(before.notes, row.notes, "\(name): the notes of header.\(row.key)", at: row.location, destination.displayName)
            note(before.display ?? "", row.display ?? "", "\(name): the value shown for header.\(row.key)", at: row.location, destination.displayName)
            noteErrata(before.errata, row.errata, "\(name): header.\(row.key)", at: row.location, destination.displayName)
        }
        let sender = self.sender(of: message.kind, in: new)
        let mark = changes.count
        compare(was.body.fields, message.body.fields, in: "the body of \(name)", sender: sender, destination: destination.displayName)
        checkExample(of: was.body, against: message.body, of: name, at: message.location, in: destination, since: mark)
        if let before = was.response, let response = message.response {
            compareResponse(before, response, of: message, in: destination)
        }
    }

    private mutating func compareResponse(_ before: ResponseDefinition, _ response: ResponseDefinition, of message: Message, in destination: Destination) {
        let name = message.displayName
        let answering = new.protocolDefinition.kind(message.kind)?.answeredBy.flatMap { self.sender(of: $0, in: new) }
        noteErrata(before.errata, response.errata, "the response to \(name)", at: response.location, destination.displayName)
        for row in response.header {
            guard let old = before.header.first(where: { $0.key == row.key }) else { continue }
            note(old.notes, row.notes, "the response to \(name): the notes of header.\(row.key)", at: row.location, destination.displayName)
        }
        let mark = changes.count
        compare(before.body.fields, response.body.fields, in: "the response body of \(name)", sender: answering, destination: destination.displayName)
        checkExample(of: before.body, against: response.body, of: "the response to \(name)", at: response.location, in: destination, since: mark)
    }

    /// An example of the old spec that the new body rejects: a message a peer built from the old spec
    /// sends as the spec shows it is no longer valid. Said only when the body's own changes since `mark`
    /// (the changes found so far) break nothing on the wire, since they already say why. The problem
    /// is located at the new example, or at the message when the new body has none.
    private mutating func checkExample(
        of was: Body, against body: Body, of name: String, at location: SourceLocation, in destination: Destination,
        since mark: Int
    ) {
        let place = body.exampleLocation ?? location
        switch (was.example, body.example) {
        case (nil, nil):
            return
        case (nil, .some):
            return add(.documentation, at: place, destination.displayName, "an example of \(name) added")
        case (.some(let example), let current):
            guard current.map(example.hasSameContent) != true else { return }
            let problems = body.problems(ofExample: example, at: place, in: destination)
            if let first = problems.first {
                guard !changes[mark...].contains(where: { $0.impact == .wire }) else { return }
                add(.wire, at: place, destination.displayName, "the old spec's example of \(name) is no longer valid (\(first.message))")
            } else {
                add(.documentation, at: place, destination.displayName, current == nil ? "the example of \(name) removed" : "the example of \(name) changed")
            }
        }
    }

    /// Each message with what identifies it on the wire: its kind and name; for warnings and errors,
    /// whose names are chosen at run time, its kind and place among the messages of that kind.
    private static func keyed(_ messages: [Message]) -> [(key: String, message: Message)] {
        var unnamed: [MessageKind.ID: Int] = [:]
        return messages.map { message in
            guard let name = message.name else {
                defer { unnamed[message.kind, default: 0] += 1 }
                return ("\(message.kind.rawValue) #\(unnamed[message.kind, default: 0])", message)
            }
            return ("\(message.kind.rawValue) \(name)", message)
        }
    }

    /// The destinations whose named types references resolve in, while one is compared.
    private struct Scope {
        var old: Destination?
        var new: Destination?
    }

    // MARK: Fields

    /// Compares the members of one object, by key.
    private mutating func compare(
        _ was: [Field], _ fields: [Field], in what: String, sender: MessageKind.Sender?, destination: String?,
        visited: Set<String> = []
    ) {
        let peers = Peers(sender: sender)
        for field in was where !fields.contains(where: { $0.memberName == field.memberName }) {
            add(.wire, at: field.location, destination,
                "\(what): member '\(field.memberName)' removed: \(peers.receiver(old: true)) still \(field.isRequired ? "requires" : "reads") it")
        }
        for field in fields {
            guard let before = was.first(where: { $0.memberName == field.memberName }) else {
                if field.isRequired {
                    add(.wire, at: field.location, destination,
                        "\(what): required member '\(field.memberName)' added: \(peers.sender(old: true)) does not send it, and \(peers.receiver(old: false)) rejects the message")
                } else {
                    add(.compatible, at: field.location, destination, "\(what): optional member '\(field.memberName)' added")
                }
                continue
            }
            let member = "\(what): member '\(field.memberName)'"
            if before.isRequired && !field.isRequired {
                add(.wire, at: field.location, destination,
                    "\(member) is now optional: \(peers.sender(old: false)) may leave it out, and \(peers.receiver(old: true)) then rejects the message")
            } else if !before.isRequired && field.isRequired {
                add(.wire, at: field.location, destination,
                    "\(member) is now required: \(peers.sender(old: true)) may leave it out, and \(peers.receiver(old: false)) then rejects the message")
            }
            if Set(before.conditions.map(\.sentence)) != Set(field.conditions.map(\.sentence)) {
                let describe = { (conditions: [FieldCondition]) in conditions.isEmpty ? "none" : conditions.map(\.sentence).joined(separator: " ") }
                add(.wire, at: field.location, destination,
                    "\(member): its conditions changed from \(describe(before.conditions)) to \(describe(field.conditions)): a peer built from one spec rejects what one built from the other sends")
            }
            note(before.notes, field.notes, "\(member): its notes", at: field.location, destination)
            noteErrata(before.errata, field.errata, member, at: field.location, destination)
            if before.display != field.display {
                add(.documentation, at: field.location, destination, "\(member): the value shown in the table changed")
            }
            compareType(before.type, field.type, what: member, at: field.location, sender: sender, destination: destination, visited: visited)
        }
    }

    /// Compares two types of one member; `visited` holds the named types already resolved on this path,
    /// so a type that contains itself is resolved once.
    private mutating func compareType(
        _ was: FieldType, _ type: FieldType, what: String, at location: SourceLocation, sender: MessageKind.Sender?,
        destination: String?, visited: Set<String> = []
    ) {
        let peers = Peers(sender: sender)
        switch (was, type) {
        case (.reference(let before), .reference(let name)) where before == name:
            return  // the same named type: compared once, where it is declared
        case (.reference(let name), _) where scope.old?.namedType(name) != nil && !visited.contains("old " + name):
            return compareType(scope.old!.resolved(was), type, what: what, at: location, sender: sender, destination: destination, visited: visited.union(["old " + name]))
        case (_, .reference(let name)) where scope.new?.namedType(name) != nil && !visited.contains("new " + name):
            return compareType(was, scope.new!.resolved(type), what: what, at: location, sender: sender, destination: destination, visited: visited.union(["new " + name]))
        case (.enumeration(let before), .enumeration(let values)):
            for value in before where !values.contains(value) {
                add(.wire, at: location, destination,
                    "\(what): value '\(value)' removed: \(peers.sender(old: true)) may still send it, and \(peers.receiver(old: false)) reads it only as an unknown value")
            }
            for value in values where !before.contains(value) {
                add(.compatible, at: location, destination,
                    "\(what): value '\(value)' added (\(peers.receiver(old: true)) keeps it as an unknown value)")
            }
        case (.constant(let before), .constant(let value)) where before != value:
            add(.wire, at: location, destination, "\(what): constant changed from '\(before)' to '\(value)'")
        case (.object(let before), .object(let fields)):
            compare(before, fields, in: what, sender: sender, destination: destination, visited: visited)
        case (.array(let before), .array(let element)), (.map(let before), .map(let element)):
            compareType(before, element, what: what + " (elements)", at: location, sender: sender, destination: destination, visited: visited)
        default:
            if was != type {
                add(.wire, at: location, destination,
                    "\(what) changed type from \(Self.describe(was)) to \(Self.describe(type)): peers built from the two specs find each other's values invalid")
            }
        }
    }

    /// A type as the spec spells it, with what it holds (`array of string`).
    private static func describe(_ type: FieldType) -> String {
        switch type {
        case .array(let element): "array of \(describe(element))"
        case .map(let element): "map of \(describe(element))"
        case .constant(let value): "constant '\(value)'"
        default: type.keyword
        }
    }

    // MARK: Support

    /// Which side sends messages of `kind` in `spec`.
    private func sender(of kind: MessageKind.ID, in spec: Spec) -> MessageKind.Sender? {
        spec.protocolDefinition.kind(kind)?.sender
    }

    /// For each named type of `destination`, the side that sends it when only one side does.
    private func typeSenders(in destination: Destination) -> [String: MessageKind.Sender] {
        var senders: [String: Set<MessageKind.Sender>] = [:]
        func visit(_ type: FieldType, sender: MessageKind.Sender, seen: Set<String>) {
            switch type {
            case .reference(let name) where !seen.contains(name):
                senders[name, default: []].insert(sender)
                if let named = destination.namedType(name) { visit(named.type, sender: sender, seen: seen.union([name])) }
            case .object(let fields): fields.forEach { visit($0.type, sender: sender, seen: seen) }
            case .array(let element), .map(let element): visit(element, sender: sender, seen: seen)
            default: break
            }
        }
        for message in destination.messages {
            if let sender = self.sender(of: message.kind, in: new) {
                message.body.fields.forEach { visit($0.type, sender: sender, seen: []) }
            }
            if let response = message.response,
                let answering = new.protocolDefinition.kind(message.kind)?.answeredBy.flatMap({ self.sender(of: $0, in: new) })
            {
                response.body.fields.forEach { visit($0.type, sender: answering, seen: []) }
            }
        }
        return senders.compactMapValues { $0.count == 1 ? $0.first : nil }
    }

    private mutating func note(_ was: String, _ text: String, _ what: String, at location: SourceLocation, _ destination: String?) {
        if was != text { add(.documentation, at: location, destination, "\(what) changed") }
    }

    private mutating func noteErrata(_ was: [Erratum], _ errata: [Erratum], _ what: String, at location: SourceLocation, _ destination: String?) {
        let key = { (erratum: Erratum) in [erratum.source, erratum.fix, erratum.reason] }
        if was.map(key) != errata.map(key) { add(.documentation, at: location, destination, "\(what): its errata changed") }
    }

    private mutating func add(_ impact: SpecChange.Impact, at location: SourceLocation, _ destination: String?, _ text: String) {
        changes.append(SpecChange(impact, at: location, destination: destination, text))
    }
}

extension SpecValue {
    /// Whether two values hold the same JSON, wherever they are written.
    fileprivate func hasSameContent(_ other: SpecValue) -> Bool {
        switch (self, other) {
        case (.array(let elements), .array(let others)):
            elements.count == others.count && zip(elements, others).allSatisfy { $0.hasSameContent($1) }
        case (.object(let members), .object(let others)):
            members.count == others.count
                && zip(members, others).allSatisfy { $0.key == $1.key && $0.value.hasSameContent($1.value) }
        default:
            self == other
        }
    }
}

/// How a change reads from each side: "a bridge built from the old spec", "a client built from the
/// new spec"; "a peer" when either side may send the object.
private struct Peers {
    let sender: MessageKind.Sender?

    func sender(old: Bool) -> String { "a \(sender?.rawValue ?? "peer") built from the \(old ? "old" : "new") spec" }

    func receiver(old: Bool) -> String {
        let receiver = sender.map { $0 == .bridge ? "client" : "bridge" } ?? "peer"
        return "a \(receiver) built from the \(old ? "old" : "new") spec"
    }
}
