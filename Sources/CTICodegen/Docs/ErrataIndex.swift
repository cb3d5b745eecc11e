import CTISpec

/// Every erratum of a spec with a readable name for the place it is recorded, in spec order.
public struct ErrataIndex: Sendable {
    /// One recorded erratum and where.
    public struct Entry: Sendable, Hashable {
        /// `session.query.init, body row email`, ...
        public var place: String
        /// The erratum.
        public var erratum: Erratum
    }

    /// The errata in spec order.
    public let entries: [Entry]

    /// Collects the errata of a spec.
    public init(spec: Spec) {
        var entries: [Entry] = []
        func add(_ errata: [Erratum], _ place: String) {
            entries += errata.map { Entry(place: place, erratum: $0) }
        }
        func addFields(_ fields: [Field], _ place: String) {
            for field in fields {
                add(field.errata, "\(place), row \(field.key)")
                var type = field.type
                while case .array(let element) = type { type = element }
                if case .object(let members) = type { addFields(members, "\(place), row \(field.key)") }
            }
        }
        for destination in spec.destinations {
            add(destination.errata, destination.name)
            for named in destination.types {
                if case .object(let fields) = named.type { addFields(fields, "type \(named.name)") }
            }
            for message in destination.messages {
                let name = message.displayName
                add(message.errata, name)
                for row in message.header { add(row.errata, "\(name), header \(row.key)") }
                addFields(message.body.rows, "\(name), body")
                if let response = message.response {
                    add(response.errata, "\(name) response")
                    for row in response.header { add(row.errata, "\(name) response, header \(row.key)") }
                    addFields(response.body.rows, "\(name) response, body")
                }
            }
        }
        self.entries = entries
    }
}
