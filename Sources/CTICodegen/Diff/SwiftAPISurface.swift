import CTISpec

/// The Swift API a spec generates, as user code sees it: every type, property, function and enum case
/// with its signature, read from the translated Swift model (not from rendered text), and where in the
/// spec each comes from.
struct SwiftAPISurface {
    /// One declaration user code can name.
    struct Symbol: Hashable {
        /// The qualified name (`Session.InitQuery.Body.chat`, `SessionHandler.handleInit(_:)`).
        var path: String
        /// What user code relies on: kind, type, parameters.
        var signature: String
        /// Whether it is a function or an initializer.
        var isFunction = false
        /// A function's parameters without a default (`label: Type`), which every call passes.
        var requiredParameters: [String] = []
        /// A function's parameters with a default, which a call may leave out.
        var defaultedParameters: Set<String> = []
        /// A function's effects and result (`async throws -> T`), and whether it is static.
        var effects: String = ""
        /// Whether conforming types must implement it (a protocol's function without a body).
        var isRequirement: Bool
    }

    /// The symbols by path.
    private(set) var symbols: [String: Symbol] = [:]
    /// Where the spec declares what a path comes from: a destination, message, field or named type.
    private var origins: [String: SourceLocation] = [:]
    private let fallback: SourceLocation

    /// The API generated for `spec` with public access and `namePrefix` before every top-level name.
    init(_ spec: Spec, namePrefix: String) {
        fallback = spec.protocolDefinition.location
        let names = GeneratedNames(prefix: namePrefix, spec: spec)
        let headers = HeaderTranslator(access: .public, names: names, protocolDefinition: spec.protocolDefinition)
        for kind in spec.protocolDefinition.kinds {
            origins[names.header(kind)] = kind.location
            collect(headers.declaration(for: kind), in: "")
        }
        for destination in spec.destinations {
            let translator = DestinationTranslator(access: .public, names: names, spec: spec, destination: destination)
            recordOrigins(of: destination, translator: translator, names: names)
            translator.declarations().forEach { collect($0, in: "") }
        }
        RoutingTranslator(access: .public, names: names, spec: spec).declarations().forEach { collect($0, in: "") }
    }

    /// The spec location a symbol comes from: that of its closest recorded enclosing path.
    func origin(of path: String) -> SourceLocation {
        var candidate = Substring(path)
        while true {
            if let location = origins[String(candidate)] { return location }
            guard let dot = candidate.lastIndex(of: ".") else { return fallback }
            candidate = candidate[..<dot]
        }
    }

    // MARK: Origins

    private mutating func recordOrigins(of destination: Destination, translator: DestinationTranslator, names: GeneratedNames) {
        let namespace = names.namespace(destination)
        origins[namespace] = destination.location
        origins[names.handler(destination)] = destination.location
        origins[names.message(destination)] = destination.location
        origins[names.clientMessage + "." + names.clientMessageCase(destination)] = destination.location
        for type in destination.types {
            origins[namespace + "." + type.name] = type.location
            if case .object(let fields) = type.type { recordOrigins(of: fields, under: namespace + "." + type.name) }
        }
        for message in destination.messages {
            let typePath = namespace + "." + message.swiftTypeName(in: destination)
            origins[typePath] = message.location
            origins[namespace + ".ClientMessage." + message.swiftTypeName(in: destination).lowercasingFirst] = message.location
            recordOrigins(of: message.body.fields, under: typePath + ".Body")
            if let response = message.response {
                origins[namespace + "." + message.swiftResponseTypeName(in: destination)] = response.location
                origins[typePath + ".ResponseBody"] = response.location
                origins[namespace + ".ClientMessage." + message.swiftResponseTypeName(in: destination).lowercasingFirst] = response.location
                recordOrigins(of: response.body.fields, under: typePath + ".ResponseBody")
            }
            let method = Self.functionName(translator.handlerMethod(for: message))
            origins[names.handler(destination) + "." + method] = message.location
            origins[names.exampleClientHandler + "." + method] = message.location
        }
    }

    private mutating func recordOrigins(of fields: [Field], under path: String) {
        for field in fields {
            let names = FieldNames(field)
            origins[path + "." + names.property] = field.location
            guard let declared = names.declaredType else { continue }
            origins[path + "." + declared] = field.location
            if case .object(let members) = field.type.innermostElement {
                recordOrigins(of: members, under: path + "." + declared)
            }
        }
    }

    // MARK: Symbols

    private mutating func collect(_ declaration: SwiftDeclaration, in parent: String) {
        let prefix = parent.isEmpty ? "" : parent + "."
        switch declaration {
        case .type(let type):
            let path = prefix + type.name
            if type.kind != .extension {
                let conformances = type.conformances.sorted().joined(separator: ", ")
                add(Symbol(path: path, signature: "\(type.kind.rawValue) \(type.name): \(conformances)", isRequirement: false))
            }
            let isProtocol = type.kind == .protocol
            for member in type.members {
                if isProtocol, case .function(let function) = member {
                    add(functionSymbol(function, in: path, isRequirement: true))
                } else {
                    collect(member, in: path)
                }
            }
        case .property(let property):
            let type = property.type.map { ": " + TextRenderer().render($0) } ?? ""
            let keyword = property.isMutable || property.getter != nil ? "var" : "let"
            add(Symbol(
                path: prefix + property.name, signature: "\(property.isStatic ? "static " : "")\(keyword) \(property.name)\(type)",
                isRequirement: false))
        case .function(let function):
            add(functionSymbol(function, in: parent, isRequirement: false))
        case .enumCase(let name, let associatedTypes, _):
            let types = associatedTypes.map { TextRenderer().render($0) }.joined(separator: ", ")
            add(Symbol(path: prefix + name, signature: "case \(name)(\(types))", isRequirement: false))
        case .enumCases(let names):
            for name in names {
                add(Symbol(path: prefix + name, signature: "case \(name)", isRequirement: false))
            }
        case .typeAlias(let name, let type, _, _):
            add(Symbol(path: prefix + name, signature: "typealias \(name) = \(TextRenderer().render(type))", isRequirement: false))
        case .mark:
            break
        }
    }

    private func functionSymbol(_ function: SwiftFunction, in parent: String, isRequirement: Bool) -> Symbol {
        let prefix = parent.isEmpty ? "" : parent + "."
        func spelled(_ parameter: SwiftFunction.Parameter) -> String {
            "\(parameter.label ?? parameter.name): \(parameter.isInout ? "inout " : "")\(TextRenderer().render(parameter.type))"
        }
        var words = function.isStatic ? ["static"] : []
        if function.isAsync { words.append("async") }
        if function.isThrowing { words.append("throws") }
        if let returnType = function.returnType { words += ["->", TextRenderer().render(returnType)] }
        let effects = words.joined(separator: " ")
        let parameters = function.parameters.map { spelled($0) + ($0.defaultValue == nil ? "" : " = default") }
        var symbol = Symbol(
            path: prefix + Self.functionName(function),
            signature: "\(function.name.hasPrefix("init") ? "" : "func ")\(function.name)(\(parameters.joined(separator: ", ")))\(effects.isEmpty ? "" : " " + effects)",
            isRequirement: isRequirement)
        symbol.requiredParameters = function.parameters.filter { $0.defaultValue == nil }.map(spelled)
        symbol.defaultedParameters = Set(function.parameters.filter { $0.defaultValue != nil }.map(spelled))
        symbol.effects = effects
        symbol.isFunction = true
        return symbol
    }

    /// `name(label:label:)`, counting only the parameters without a default: the name call sites use.
    private static func functionName(_ function: SwiftFunction) -> String {
        let labels = function.parameters.filter { $0.defaultValue == nil }.map { ($0.label ?? $0.name) + ":" }
        return function.name + "(" + labels.joined() + ")"
    }

    private mutating func add(_ symbol: Symbol) {
        // A protocol extension's member and the requirement it implements share a path; keep the first.
        if symbols[symbol.path] == nil { symbols[symbol.path] = symbol }
    }
}
