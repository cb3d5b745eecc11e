/// One row of a header or body table: a field with its wire key, type and notes.
public struct Field: Sendable, Hashable {
    /// The wire key as written in the row; in a body row, dots separate nested objects.
    public var key: String { didSet { memberName = Self.memberName(of: key) } }
    /// The field's type.
    public var type: FieldType
    /// The row's notes; they become the doc comment.
    public var notes: String
    /// Whether the field must be present.
    public var isRequired: Bool
    /// The Swift property name chosen in the spec, if any.
    public var swiftName: String?
    /// The Value cell's text where it is not the type's usual text.
    public var display: String?
    /// When the member must be present or absent, in terms of another member's value.
    public var conditions: [FieldCondition]
    /// Deviations from the source recorded on this row.
    public var errata: [Erratum]
    /// Where the row starts.
    public var location: SourceLocation
    /// The last segment of a dotted key: the member name inside its object (computed when the key is
    /// set: the generator asks for it many times per field).
    public private(set) var memberName: String

    /// Creates a field.
    public init(
        key: String, type: FieldType, notes: String, isRequired: Bool = true, swiftName: String? = nil,
        display: String? = nil, conditions: [FieldCondition] = [], errata: [Erratum] = [], location: SourceLocation
    ) {
        self.key = key
        self.memberName = Self.memberName(of: key)
        self.type = type
        self.notes = notes
        self.isRequired = isRequired
        self.swiftName = swiftName
        self.display = display
        self.conditions = conditions
        self.errata = errata
        self.location = location
    }
}

extension Field {
    private static func memberName(of key: String) -> String {
        key.lastIndex(of: ".").map { String(key[key.index(after: $0)...]) } ?? key
    }
}
