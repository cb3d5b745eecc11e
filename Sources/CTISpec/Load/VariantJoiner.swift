/// Joins each variant file to the destination it belongs to: the variant gets the destination's
/// init query, target form and named types, and its own copy of every message it extends, with the
/// rows it adds after the destination's and the members it withholds removed.
struct VariantJoiner {
    let destinations: [Destination]

    /// The destinations, with every variant joined; a variant that cannot be joined is reported and dropped.
    func joined(into log: inout DiagnosticLog) -> [Destination] {
        let bases = Dictionary(
            destinations.filter { $0.variant == nil }.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        return destinations.compactMap { destination in
            guard let variant = destination.variant else { return destination }
            guard let base = bases[destination.name] else {
                log.error(
                    "the variant '\(variant.name)' belongs to the destination '\(destination.name)', which no spec file defines\(Suggestions.didYouMean(destination.name, in: bases.keys))",
                    at: destination.location)
                return nil
            }
            return join(destination, variant, to: base, into: &log)
        }
    }

    private func join(
        _ destination: Destination, _ variant: DestinationVariant, to base: Destination, into log: inout DiagnosticLog
    ) -> Destination {
        var joined = destination
        joined.variant?.baseSwiftName = base.swiftName
        joined.initQuery = base.initQuery
        joined.target = base.target
        joined.types = base.types + destination.types
        let baseNames = base.messages.compactMap(\.name)
        var claimed: [String: SourceLocation] = [:]
        var extended: [Message] = []
        for change in variant.extensions {
            guard let message = baseMessage(change.message, of: base, names: baseNames, into: &log),
                claim(change.message, by: &claimed, into: &log)
            else { continue }
            extended.append(self.message(message, extendedBy: change, of: base, into: &log))
        }
        for refusal in variant.refusals {
            guard let message = baseMessage(refusal.message, of: base, names: baseNames, into: &log),
                claim(refusal.message, by: &claimed, into: &log)
            else { continue }
            if message.response == nil {
                log.error(
                    "'\(refusal.message.name)' is not a query or request, so it is not answered; only those can be refused",
                    at: refusal.message.location)
            } else if message.name == base.initQuery?.name {
                log.error(
                    "'\(refusal.message.name)' initializes the destination; every variant answers it (extend it instead, to change its response)",
                    at: refusal.message.location)
            }
        }
        for message in destination.messages {
            if let name = message.name, let original = base.messages.first(where: { $0.name == name }) {
                log.error(
                    "the message '\(name)' is already a message of '\(base.name)' (\(original.location)); change it under 'extends:', or refuse it under 'refuses:'",
                    at: message.location)
            }
        }
        // Extended messages keep the destination's order; the variant's own follow.
        joined.messages =
            base.messages.compactMap { message in extended.first { $0.name == message.name } }
            + destination.messages.filter { message in !baseNames.contains { $0 == message.name } }
        return joined
    }

    private func baseMessage(
        _ reference: Reference, of base: Destination, names: [String], into log: inout DiagnosticLog
    ) -> Message? {
        guard let message = base.messages.first(where: { $0.name == reference.name }) else {
            log.error(
                "'\(reference.name)' is not a message of the destination '\(base.name)' (\(base.file))\(Suggestions.didYouMean(reference.name, in: names))",
                at: reference.location)
            return nil
        }
        return message
    }

    private func claim(_ reference: Reference, by claimed: inout [String: SourceLocation], into log: inout DiagnosticLog) -> Bool {
        if let first = claimed.updateValue(reference.location, forKey: reference.name) {
            log.error("'\(reference.name)' is already extended or refused at \(first); a variant changes a message once", at: reference.location)
            return false
        }
        return true
    }

    /// The destination's `message` with the variant's `change` applied.
    private func message(
        _ message: Message, extendedBy change: MessageExtension, of base: Destination, into log: inout DiagnosticLog
    ) -> Message {
        var result = message
        result.errata += change.errata
        result.body = joined(message.body, change.body, what: "the body of '\(message.displayName)'", into: &log)
        guard var response = message.response else {
            if !change.responseBody.rows.isEmpty || !change.absent.isEmpty {
                log.error("'\(message.displayName)' has no response to extend", at: change.location)
            }
            return result
        }
        let what = "the response to '\(message.displayName)'"
        for member in change.absent {
            guard let field = response.body.fields.first(where: { $0.key == member.name }) else {
                log.error(
                    "'\(member.name)' is not a member of \(what)\(Suggestions.didYouMean(member.name, in: response.body.fields.map(\.key)))",
                    at: member.location)
                continue
            }
            if field.isRequired {
                log.error(
                    "'\(member.name)' is required in \(what) (\(field.location)); only an optional member can be absent from a variant's",
                    at: member.location)
            }
            response.body.fields.removeAll { $0.key == member.name }
            response.body.rows.removeAll { $0.key == member.name || $0.key.hasPrefix(member.name + ".") }
            // The destination's example still fits without the member.
            if case .object(let members)? = response.body.example {
                response.body.example = .object(members.filter { $0.key != member.name })
            }
        }
        response.body = joined(response.body, change.responseBody, what: what, into: &log)
        result.response = response
        return result
    }

    /// `body` with `added`'s rows after its own; an added member the body already has is an error. The
    /// destination's example no longer fits, so the added rows' example (if any) replaces it.
    private func joined(_ body: Body, _ added: Body, what: String, into log: inout DiagnosticLog) -> Body {
        guard !added.rows.isEmpty || added.example != nil else { return body }
        var result = body
        for field in added.fields {
            if let existing = body.fields.first(where: { $0.key == field.key }) {
                log.error(
                    "'\(field.key)' is already a member of \(what) (\(existing.location)); a variant adds members",
                    at: field.location)
            }
        }
        result.rows += added.rows
        result.fields += added.fields.filter { field in !body.fields.contains { $0.key == field.key } }
        result.example = added.example
        result.exampleLocation = added.exampleLocation
        if added.example == nil, result.source == .example { result.source = .table }
        return result
    }
}
