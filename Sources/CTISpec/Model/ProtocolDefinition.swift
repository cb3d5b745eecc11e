/// A message kind (`cti.query`, `cti.response`, ...) with the header every message of the kind carries.
public struct MessageKind: Sendable, Hashable {
    /// The kinds the protocol knows.
    public enum ID: String, Sendable, Hashable, CaseIterable {
        case query, request, response, event, warning, error
    }

    /// Which side sends messages of a kind.
    public enum Sender: String, Sendable, Hashable, CaseIterable {
        case bridge, client
    }

    /// The kind.
    public var id: ID
    /// The `header.type` value.
    public var wireType: String
    /// Who sends messages of this kind.
    public var sender: Sender
    /// The kind that answers messages of this kind, if any.
    public var answeredBy: ID?
    /// What the kind is for.
    public var summary: String
    /// The standard header fields, in order.
    public var header: [Field]
    /// Where the kind is defined.
    public var location: SourceLocation

    /// Creates a kind.
    public init(
        id: ID, wireType: String, sender: Sender, answeredBy: ID? = nil, summary: String = "", header: [Field],
        location: SourceLocation
    ) {
        self.id = id
        self.wireType = wireType
        self.sender = sender
        self.answeredBy = answeredBy
        self.summary = summary
        self.header = header
        self.location = location
    }

    /// The standard header field with this key.
    public func headerField(_ key: String) -> Field? {
        header.first { $0.key == key }
    }
}

/// How frames are laid out on the wire, and the defaults a reader starts from.
public struct Framing: Sendable, Hashable {
    /// The size of the length prefix in bytes.
    public var lengthPrefixBytes: Int
    /// The default byte order of the length prefix (`big-endian` or `little-endian`).
    public var byteOrder: String
    /// The text encoding of the content.
    public var encoding: String
    /// The default maximum frame size a reader enforces.
    public var maxFrameBytes: Int

    /// Creates framing defaults.
    public init(lengthPrefixBytes: Int, byteOrder: String, encoding: String, maxFrameBytes: Int) {
        self.lengthPrefixBytes = lengthPrefixBytes
        self.byteOrder = byteOrder
        self.encoding = encoding
        self.maxFrameBytes = maxFrameBytes
    }
}

/// A protocol rule stated as data.
public struct ProtocolRule: Sendable, Hashable {
    /// A condition on a header field's value.
    public struct Condition: Sendable, Hashable {
        /// The header key.
        public var key: String
        /// The value that triggers the rule.
        public var equals: String
    }

    /// The rule's identifier.
    public var id: String
    /// What the rule says.
    public var summary: String
    /// When the rule applies; nil for rules the generated code enforces by construction.
    public var when: Condition?
    /// The header field the rule makes required.
    public var require: String?
    /// Where the rule is defined.
    public var location: SourceLocation

    /// Creates a rule.
    public init(id: String, summary: String, when: Condition? = nil, require: String? = nil, location: SourceLocation) {
        self.id = id
        self.summary = summary
        self.when = when
        self.require = require
        self.location = location
    }
}

/// The protocol-level definitions: framing, message kinds and rules.
public struct ProtocolDefinition: Sendable, Hashable {
    /// The protocol's name.
    public var name: String
    /// What the protocol is.
    public var summary: String
    /// Framing defaults.
    public var framing: Framing
    /// The message kinds.
    public var kinds: [MessageKind]
    /// The rules.
    public var rules: [ProtocolRule]
    /// The file the definitions are read from.
    public var file: String
    /// Where the definitions start.
    public var location: SourceLocation

    /// Creates protocol definitions.
    public init(
        name: String, summary: String, framing: Framing, kinds: [MessageKind], rules: [ProtocolRule], file: String,
        location: SourceLocation
    ) {
        self.name = name
        self.summary = summary
        self.framing = framing
        self.kinds = kinds
        self.rules = rules
        self.file = file
        self.location = location
    }

    /// The kind with this identifier.
    public func kind(_ id: MessageKind.ID) -> MessageKind? {
        kinds.first { $0.id == id }
    }
}
