import CTIRuntime

/// One destination: its messages in source order.
public struct Destination: Sendable, Hashable {
    /// The lower-case prefix of its message names (`session`).
    public var name: String
    /// The chapter's heading.
    public var title: String
    /// What the destination is for.
    public var summary: String
    /// The Swift namespace chosen in the spec, if any.
    public var swiftName: String?
    /// The query that initializes the destination.
    public var initQuery: Reference?
    /// The form its messages' `header.target` must have, when the spec gives one.
    public var target: TargetShape?
    /// The variant this file describes, when it is one (`variant: telephony`); nil for the destination itself.
    public var variant: DestinationVariant?
    /// Deviations from the source that concern the whole file.
    public var errata: [Erratum]
    /// The types the destination names once and its fields use by name.
    public var types: [NamedType]
    /// The messages, in source order. A variant's are the destination's messages it extends (joined
    /// with the members it adds), then its own.
    public var messages: [Message]
    /// The file the destination is read from.
    public var file: String
    /// Where the destination is defined.
    public var location: SourceLocation

    /// Creates a destination.
    public init(
        name: String, title: String, summary: String, swiftName: String? = nil, initQuery: Reference? = nil,
        target: TargetShape? = nil, variant: DestinationVariant? = nil, errata: [Erratum] = [], types: [NamedType] = [], messages: [Message], file: String,
        location: SourceLocation
    ) {
        self.name = name
        self.title = title
        self.summary = summary
        self.swiftName = swiftName
        self.initQuery = initQuery
        self.target = target
        self.variant = variant
        self.errata = errata
        self.types = types
        self.messages = messages
        self.file = file
        self.location = location
    }
}

extension Destination {
    /// `channel`, or `channel (telephony)` for a variant: how diagnostics and reports name it.
    public var displayName: String { variant.map { "\(name) (\($0.name))" } ?? name }
}
