/// A Swift declaration: the building block of a generated file.
public indirect enum SwiftDeclaration: Sendable, Hashable {
    /// `struct`, `enum`, `protocol` or `extension` with members.
    case type(SwiftTypeDeclaration)
    /// A stored or computed property.
    case property(SwiftProperty)
    /// A function or initializer.
    case function(SwiftFunction)
    /// `case name(associated)` inside an enum.
    case enumCase(name: String, associatedTypes: [SwiftType], doc: SwiftDocComment)
    /// `case a, b, c` inside an enum: cases without associated values, on as few lines as fit.
    case enumCases([String])
    /// `typealias Name = Type`.
    case typeAlias(name: String, type: SwiftType, access: AccessLevel?, doc: SwiftDocComment)
    /// `// MARK: - text` (with `section`, `// MARK: text`: a part of a type rather than of the file).
    case mark(String, isSection: Bool = false)
}

/// What kind of type a ``SwiftTypeDeclaration`` declares.
public enum SwiftTypeKind: String, Sendable, Hashable {
    case `struct`, `enum`, `protocol`, `extension`
}

/// A type or extension with its members.
public struct SwiftTypeDeclaration: Sendable, Hashable {
    /// The kind.
    public var kind: SwiftTypeKind
    /// The name (for an extension, the extended type).
    public var name: String
    /// Generic parameters with their constraints (`Handler: ClientHandler`).
    public var genericParameters: [String]
    /// The access level; nil leaves it out (extensions, internal declarations).
    public var access: AccessLevel?
    /// Conformances or inherited protocols.
    public var conformances: [String]
    /// A `where` clause, without the keyword.
    public var whereClause: String?
    /// The doc comment.
    public var doc: SwiftDocComment
    /// The members.
    public var members: [SwiftDeclaration]

    /// Creates a type declaration.
    public init(
        _ kind: SwiftTypeKind, _ name: String, genericParameters: [String] = [], access: AccessLevel? = nil,
        conformances: [String] = [], whereClause: String? = nil, doc: SwiftDocComment = .none,
        members: [SwiftDeclaration] = []
    ) {
        self.kind = kind
        self.name = name
        self.genericParameters = genericParameters
        self.access = access
        self.conformances = conformances
        self.whereClause = whereClause
        self.doc = doc
        self.members = members
    }
}

/// A stored or computed property.
public struct SwiftProperty: Sendable, Hashable {
    /// `let` or `var`.
    public var isMutable: Bool
    /// Whether it is `static`.
    public var isStatic: Bool
    /// The access level.
    public var access: AccessLevel?
    /// The name (escaped by the renderer when it is a keyword).
    public var name: String
    /// The type; nil lets Swift infer it from the value.
    public var type: SwiftType?
    /// The initial value of a stored property.
    public var value: SwiftExpression?
    /// The getter of a computed property.
    public var getter: [SwiftStatement]?
    /// The doc comment.
    public var doc: SwiftDocComment

    /// Creates a property.
    public init(
        _ name: String, type: SwiftType?, isMutable: Bool = true, isStatic: Bool = false, access: AccessLevel? = nil,
        value: SwiftExpression? = nil, getter: [SwiftStatement]? = nil, doc: SwiftDocComment = .none
    ) {
        self.name = name
        self.type = type
        self.isMutable = isMutable
        self.isStatic = isStatic
        self.access = access
        self.value = value
        self.getter = getter
        self.doc = doc
    }
}

/// A function, or an initializer when `name` is `init` (`init?` for a failable one).
public struct SwiftFunction: Sendable, Hashable {
    /// One parameter.
    public struct Parameter: Sendable, Hashable {
        /// The argument label (`_` for none); nil uses the name as label.
        public var label: String?
        /// The parameter name.
        public var name: String
        /// The type.
        public var type: SwiftType
        /// Whether it is `inout`.
        public var isInout: Bool
        /// The default value.
        public var defaultValue: SwiftExpression?

        /// Creates a parameter.
        public init(
            label: String? = nil, _ name: String, _ type: SwiftType, isInout: Bool = false,
            defaultValue: SwiftExpression? = nil
        ) {
            self.label = label
            self.name = name
            self.type = type
            self.isInout = isInout
            self.defaultValue = defaultValue
        }
    }

    /// The name; `init` declares an initializer.
    public var name: String
    /// Generic parameters with their constraints (`Handler: SessionHandler`).
    public var genericParameters: [String]
    /// The access level.
    public var access: AccessLevel?
    /// Whether it is `static`.
    public var isStatic: Bool
    /// The parameters.
    public var parameters: [Parameter]
    /// `async`.
    public var isAsync: Bool
    /// Whether it throws.
    public var isThrowing: Bool
    /// The return type.
    public var returnType: SwiftType?
    /// The body; nil for a protocol requirement.
    public var body: [SwiftStatement]?
    /// The doc comment.
    public var doc: SwiftDocComment
    /// Attributes written before the declaration (`@Test`).
    public var attributes: [String]

    /// Creates a function.
    public init(
        _ name: String, genericParameters: [String] = [], access: AccessLevel? = nil, isStatic: Bool = false,
        parameters: [Parameter] = [], isAsync: Bool = false, isThrowing: Bool = false, returnType: SwiftType? = nil,
        body: [SwiftStatement]?, doc: SwiftDocComment = .none, attributes: [String] = []
    ) {
        self.name = name
        self.genericParameters = genericParameters
        self.access = access
        self.isStatic = isStatic
        self.parameters = parameters
        self.isAsync = isAsync
        self.isThrowing = isThrowing
        self.returnType = returnType
        self.body = body
        self.doc = doc
        self.attributes = attributes
    }
}

/// A `///` doc comment: paragraphs of text, wrapped by the renderer and rendered so that no spec
/// text can close or escape it.
public struct SwiftDocComment: Sendable, Hashable {
    /// The paragraphs; a line break inside one is kept.
    public var paragraphs: [String]

    /// Creates a doc comment from paragraphs; empty paragraphs are dropped.
    public init(_ paragraphs: [String]) {
        self.paragraphs = paragraphs.filter { $0.utf8.contains { !(0x09...0x0D).contains($0) && $0 != 0x20 } }
    }

    /// No doc comment.
    public static let none = SwiftDocComment([])
}

/// A generated file: a header comment, imports and declarations.
public struct SwiftFile: Sendable, Hashable {
    /// The file name (no folders).
    public var name: String
    /// The comment lines at the top.
    public var headerComment: [String]
    /// The imported modules, in order (`@testable X` for a testable import).
    public var imports: [String]
    /// The top-level declarations.
    public var declarations: [SwiftDeclaration]

    /// Creates a file.
    public init(name: String, headerComment: [String], imports: [String], declarations: [SwiftDeclaration]) {
        self.name = name
        self.headerComment = headerComment
        self.imports = imports
        self.declarations = declarations
    }
}
