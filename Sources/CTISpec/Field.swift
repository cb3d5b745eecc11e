/// One row of a header or body table: a field with its wire key, type and notes.
public struct Field: Sendable, Hashable {
    /// The wire key as written in the row; in a body row, dots separate nested objects.
    public var key: String { didSet { names = SwiftNames(key: key, swiftName: swiftName) } }
    /// The field's type.
    public var type: FieldType
    /// The row's notes; they become the doc comment.
    public var notes: String
    /// Whether the field must be present.
    public var isRequired: Bool
    /// The Swift property name chosen in the spec, if any.
    public var swiftName: String? { didSet { names = SwiftNames(key: key, swiftName: swiftName) } }
    /// The Value cell's text where it is not the type's usual text.
    public var display: String?
    /// Deviations from the source recorded on this row.
    public var errata: [Erratum]
    /// Where the row starts.
    public var location: SourceLocation
    /// The names derived from `key` and `swiftName`, computed when either is set: the translators
    /// ask for them many times per field.
    private var names: SwiftNames

    /// Creates a field.
    public init(
        key: String, type: FieldType, notes: String, isRequired: Bool = true, swiftName: String? = nil,
        display: String? = nil, errata: [Erratum] = [], location: SourceLocation
    ) {
        self.key = key
        self.names = SwiftNames(key: key, swiftName: swiftName)
        self.type = type
        self.notes = notes
        self.isRequired = isRequired
        self.swiftName = swiftName
        self.display = display
        self.errata = errata
        self.location = location
    }

    /// The last segment of a dotted key: the member name inside its object.
    public var memberName: String { names.member }

    /// The Swift property name: the spec's `swiftName`, or the member name camel-cased.
    public var swiftPropertyName: String { names.property }

    /// The Swift name of the nested type this field declares (an object or an enum).
    public var swiftTypeName: String { names.type }
}

extension Field {
    /// A field's member, property and type names, which follow from its key and `swiftName` alone.
    private struct SwiftNames: Sendable, Hashable {
        let member: String
        let property: String
        let type: String

        init(key: String, swiftName: String?) {
            member = key.lastIndex(of: ".").map { String(key[key.index(after: $0)...]) } ?? key
            property = swiftName ?? SwiftNaming.propertyName(member)
            type = SwiftNaming.typeName(property)
        }
    }
}
