/// A typed variant of a destination (a telephony channel of `channel`): every message of the
/// destination, with some extended, some refused, and messages of its own.
///
/// A variant file names the destination it belongs to (`destination: channel`) and the variant
/// (`variant: telephony`). Its messages reach the client under the destination's names; which
/// variant answers a message is decided by its target at run time.
public struct DestinationVariant: Sendable, Hashable {
    /// The variant's name (`telephony`): lower-case letters and digits.
    public var name: String
    /// The destination's messages this variant changes, as written.
    public var extensions: [MessageExtension]
    /// The destination's queries and requests this variant answers FAILURE.
    public var refusals: [Refusal]
    /// The Swift namespace of the destination it belongs to, when that gives one (filled in when the
    /// variant is joined to it).
    public var baseSwiftName: String?
    /// Where `variant:` is written.
    public var location: SourceLocation

    /// Creates a variant.
    public init(
        name: String, extensions: [MessageExtension] = [], refusals: [Refusal] = [], baseSwiftName: String? = nil,
        location: SourceLocation
    ) {
        self.name = name
        self.extensions = extensions
        self.refusals = refusals
        self.baseSwiftName = baseSwiftName
        self.location = location
    }

    /// Whether the variant extends the destination's message `name` (its own type of that message
    /// is among the variant's messages).
    public func extends(_ name: String?) -> Bool {
        extensions.contains { $0.message.name == name }
    }
}

/// Members a variant adds to one of its destination's messages, and response members it never sends.
public struct MessageExtension: Sendable, Hashable {
    /// The message extended.
    public var message: Reference
    /// Rows added to the body, after the destination's own.
    public var body: Body
    /// Rows added to the response's body, after the destination's own.
    public var responseBody: Body
    /// Members of the destination's response this variant never sends.
    public var absent: [Reference]
    /// Deviations from the source recorded on the extension.
    public var errata: [Erratum]
    /// Where the extension is written.
    public var location: SourceLocation

    /// Creates an extension.
    public init(
        message: Reference, body: Body, responseBody: Body, absent: [Reference] = [], errata: [Erratum] = [],
        location: SourceLocation
    ) {
        self.message = message
        self.body = body
        self.responseBody = responseBody
        self.absent = absent
        self.errata = errata
        self.location = location
    }
}

/// A query or request of the destination that a variant does not support: the client answers it
/// FAILURE with `reason` as the error message, without a handler.
public struct Refusal: Sendable, Hashable {
    /// The message refused.
    public var message: Reference
    /// Why: the FAILURE response's errorMessage.
    public var reason: String
    /// Where the refusal is written.
    public var location: SourceLocation

    /// Creates a refusal.
    public init(message: Reference, reason: String, location: SourceLocation) {
        self.message = message
        self.reason = reason
        self.location = location
    }
}
