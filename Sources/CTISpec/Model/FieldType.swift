/// The type of a header or body field.
public indirect enum FieldType: Sendable, Hashable {
    /// Any string.
    case string
    /// `true` or `false`.
    case boolean
    /// A number without a fraction.
    case integer
    /// Any number.
    case number
    /// A string in GUID form, kept byte for byte.
    case guid
    /// Any JSON value, kept as it is.
    case json
    /// A string from a listed set; unknown values still decode.
    case enumeration([String])
    /// A string that always has this value.
    case constant(String)
    /// An object with the given fields, in order.
    case object([Field])
    /// An array whose elements have the given type.
    case array(FieldType)
    /// An object with free keys whose values have the given type.
    case map(FieldType)
    /// Header only: the kind's wire type (`cti.query`, ...).
    case wireType
    /// Header only: the message's name (for a response, the name of the message it answers).
    case messageName
    /// A named type of the destination (`types:`), by name.
    case reference(String)

    /// The spelling of the type in a spec file.
    public var keyword: String {
        switch self {
        case .string: "string"
        case .boolean: "boolean"
        case .integer: "integer"
        case .number: "number"
        case .guid: "guid"
        case .json: "json"
        case .enumeration: "enum"
        case .constant: "constant"
        case .object: "object"
        case .array: "array"
        case .map: "map"
        case .wireType: "wireType"
        case .messageName: "messageName"
        case .reference(let name): name
        }
    }

    /// The type of the values inside arrays and maps, however deeply nested; the type itself for
    /// any other.
    public var innermostElement: FieldType {
        switch self {
        case .array(let element), .map(let element): element.innermostElement
        default: self
        }
    }

    /// Every type keyword a spec may use in a body row.
    public static let bodyKeywords = [
        "string", "boolean", "integer", "number", "guid", "json", "enum", "constant", "object", "array", "map",
    ]

    /// Every type keyword a spec may use in a kind's header field.
    public static let headerKeywords = bodyKeywords + ["wireType", "messageName"]
}
