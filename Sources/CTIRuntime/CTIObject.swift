/// An object of the protocol: a body, a header, or a value nested in one. Its generated type
/// declares the members the spec defines and one line to read and one to write each; reading
/// from and writing to JSON, `Codable`, and keeping the members the spec does not define are
/// written once, here.
public protocol CTIObject: JSONCodable, Hashable {
    /// Members the spec does not define, kept in wire order so that they survive a round trip.
    var unknownFields: JSONObject { get }

    /// Reads the members the spec defines, one `reader.read` each, then keeps the others
    /// (`unknownFields = reader.unreadMembers`). The value is valid only when the reader has no
    /// issues; ``JSONRepresentable/init(json:issues:)`` checks that, and is what to call.
    init(reading reader: inout JSONObjectReader)

    /// Writes the members the spec defines, in spec order.
    func write(to writer: inout JSONObjectWriter)

    /// Members that must be present or absent depending on another member's value; checked on the
    /// object's JSON when it is read and when it is written. None by default.
    static var memberConditions: [MemberCondition] { get }
}

extension CTIObject {
    public static var memberConditions: [MemberCondition] { [] }

    /// Reads the value from `json`, which must be an object.
    @inlinable
    public init?(json: JSONValue, issues: inout [ValidationIssue]) {
        guard case .object(let object) = json else {
            issues.append(.mismatch("object", json))
            return nil
        }
        self.init(object, issues: &issues)
    }

    /// Reads the value from `object`; `messageName` is what a header's `name` must be, when the
    /// object is the header of a message whose name is fixed.
    @inlinable
    public init?(_ object: JSONObject, messageName: String? = nil, issues: inout [ValidationIssue]) {
        var reader = JSONObjectReader(object, messageName: messageName)
        let value = Self(reading: &reader)
        let conditions = Self.memberConditions
        if !conditions.isEmpty { conditions.check(object, issues: &reader.issues) }
        guard reader.issues.isEmpty else {
            issues += reader.issues
            return nil
        }
        self = value
    }

    /// What reading an empty object gives: a value standing in for one that cannot be read.
    public static var jsonPlaceholder: Self {
        var reader = JSONObjectReader(JSONObject())
        return Self(reading: &reader)
    }

    /// The value as JSON: the spec's members in spec order, then the unknown ones.
    public func json(issues: inout [ValidationIssue]) -> JSONValue {
        .object(jsonObject(issues: &issues))
    }

    /// The members as an object (see ``JSONRepresentable/json(issues:)``); `messageName` is written as a header's
    /// `name` when the object is the header of a message whose name is fixed.
    public func jsonObject(messageName: String? = nil, issues: inout [ValidationIssue]) -> JSONObject {
        var writer = JSONObjectWriter(messageName: messageName)
        write(to: &writer)
        writer.append(contentsOf: unknownFields)
        let conditions = Self.memberConditions
        if !conditions.isEmpty { conditions.check(writer.object, issues: &writer.issues) }
        if !writer.issues.isEmpty { issues += writer.issues }
        return writer.object
    }
}

/// The body of a message whose spec defines no members: `{}` on the wire. Members a peer sends
/// anyway are kept, so nothing is lost.
public struct EmptyBody: CTIObject {
    public var unknownFields: JSONObject

    /// Creates an empty body, or one carrying members the spec does not define.
    public init(unknownFields: JSONObject = JSONObject()) {
        self.unknownFields = unknownFields
    }

    public init(reading reader: inout JSONObjectReader) {
        self.init(unknownFields: reader.unreadMembers)
    }

    public func write(to writer: inout JSONObjectWriter) {}
}
