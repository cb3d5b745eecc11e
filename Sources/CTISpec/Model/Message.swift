/// One row of a message's header table: a field of the kind's standard header, with this message's notes.
public struct HeaderRow: Sendable, Hashable {
    /// The header key (`type`, `name`, `target`, ...).
    public var key: String
    /// The row's notes.
    public var notes: String
    /// The Value cell's text where it is not the type's usual text.
    public var display: String?
    /// Deviations from the source recorded on this row.
    public var errata: [Erratum]
    /// Where the row starts.
    public var location: SourceLocation

    /// Creates a header row.
    public init(key: String, notes: String, display: String? = nil, errata: [Erratum] = [], location: SourceLocation) {
        self.key = key
        self.notes = notes
        self.display = display
        self.errata = errata
        self.location = location
    }
}

/// Where a body's rows come from.
public enum BodySource: String, Sendable, Hashable, CaseIterable {
    /// The source's body table.
    case table
    /// A JSON example in the source, typed by the spec's authors.
    case example
}

/// A message body: the table rows as written and the nested fields they describe.
public struct Body: Sendable, Hashable {
    /// The rows as written, in order; dotted keys are kept as they are.
    public var rows: [Field]
    /// The same rows with dotted keys folded into nested objects, in first-appearance order.
    public var fields: [Field]
    /// Where the rows come from.
    public var source: BodySource
    /// An example body, checked against the rows.
    public var example: SpecValue?
    /// Where the example is written.
    public var exampleLocation: SourceLocation?

    /// Creates a body.
    public init(
        rows: [Field], fields: [Field], source: BodySource = .table, example: SpecValue? = nil,
        exampleLocation: SourceLocation? = nil
    ) {
        self.rows = rows
        self.fields = fields
        self.source = source
        self.example = example
        self.exampleLocation = exampleLocation
    }
}

/// The response that answers a query or request.
public struct ResponseDefinition: Sendable, Hashable {
    /// The response's name when the spec states it; it must be the answered message's name.
    public var name: Reference?
    /// The response's header table.
    public var header: [HeaderRow]
    /// The response's body.
    public var body: Body
    /// Deviations from the source recorded on the response.
    public var errata: [Erratum]
    /// Where the response is defined.
    public var location: SourceLocation

    /// Creates a response definition.
    public init(
        name: Reference? = nil, header: [HeaderRow], body: Body, errata: [Erratum] = [], location: SourceLocation
    ) {
        self.name = name
        self.header = header
        self.body = body
        self.errata = errata
        self.location = location
    }
}

/// A message of a destination: a query, request, event, warning or error, with its tables.
public struct Message: Sendable, Hashable {
    /// The wire name (`header.name`); nil for warnings and errors, whose names are run-time values.
    public var name: String?
    /// The message's kind.
    public var kind: MessageKind.ID
    /// The base of the Swift type name chosen in the spec, if any.
    public var swiftName: String?
    /// What the message does.
    public var summary: String
    /// The header table.
    public var header: [HeaderRow]
    /// The body.
    public var body: Body
    /// Events this message causes.
    public var produces: [Reference]
    /// The response that answers it (queries and requests).
    public var response: ResponseDefinition?
    /// Deviations from the source recorded on the message.
    public var errata: [Erratum]
    /// Where the message is defined.
    public var location: SourceLocation

    /// Creates a message.
    public init(
        name: String?, kind: MessageKind.ID, swiftName: String? = nil, summary: String, header: [HeaderRow],
        body: Body, produces: [Reference] = [], response: ResponseDefinition? = nil, errata: [Erratum] = [],
        location: SourceLocation
    ) {
        self.name = name
        self.kind = kind
        self.swiftName = swiftName
        self.summary = summary
        self.header = header
        self.body = body
        self.produces = produces
        self.response = response
        self.errata = errata
        self.location = location
    }

    /// The name shown for this message in docs and diagnostics.
    public var displayName: String { name ?? swiftName ?? kind.rawValue }
}
