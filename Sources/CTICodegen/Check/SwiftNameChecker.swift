import CTISpec

/// The checks of what a spec's names become in Swift: every name the generator will declare is a
/// valid identifier, is not one generated code reserves, and is not also the name of something else
/// in the same scope. The spec loader checks the spec itself; this checks it can become Swift.
public struct SwiftNameCheck: SpecCheck {
    /// Creates the check.
    public init() {}

    public func check(_ spec: Spec, into log: inout DiagnosticLog) {
        SwiftNameChecker(spec: spec).check(into: &log)
    }
}

extension SpecLoader {
    /// A loader for generating Swift: the spec's own checks, then ``SwiftNameCheck``.
    public static func forSwift(limits: LoadLimits = .default) -> SpecLoader {
        SpecLoader(limits: limits, checks: [SwiftNameCheck()])
    }
}

/// Checks one spec's Swift names (see ``SwiftNameCheck``).
struct SwiftNameChecker {
    let spec: Spec

    /// The names generated code declares, without the configured prefix (which goes in front of all
    /// of them alike).
    private static let generated = GeneratedNames(prefix: "", spec: nil)

    /// Property names a header generated code declares itself (the runtime's header protocols).
    static let reservedHeaderPropertyNames: Set<String> = ["isFailure", "example", "wireType", "failureCondition"]

    func check(into log: inout DiagnosticLog) {
        checkHeaders(into: &log)
        var namespaces: [String: Destination] = [:]
        let headerNames = Set(spec.protocolDefinition.kinds.map(Self.generated.header))
        let specWideNames = Set(Self.generated.specWide)
        for destination in spec.destinations {
            let namespace = destination.swiftNamespace
            if let swiftName = destination.swiftName { checkIdentifier(swiftName, at: destination.location, into: &log) }
            if let other = namespaces.updateValue(destination, forKey: namespace), other.displayName != destination.displayName {
                log.error(
                    "the destinations '\(other.displayName)' and '\(destination.displayName)' both become the Swift namespace '\(namespace)'; set swiftName on one",
                    at: destination.location)
            }
            if specWideNames.contains(namespace) || headerNames.contains(namespace)
                || SwiftNaming.reservedTypeNames.contains(namespace)
            {
                log.error(
                    "the destination '\(destination.name)' would become the Swift namespace '\(namespace)', a name generated code declares or uses itself; set swiftName",
                    at: destination.location)
            }
            checkDestination(destination, into: &log)
        }
        for destination in spec.destinations {
            for suffix in GeneratedNames.destinationSuffixes {
                let name = destination.swiftNamespace + suffix
                if namespaces[name] != nil {
                    log.error(
                        "the destination '\(destination.name)' declares '\(name)', the namespace of another destination; set swiftName on one",
                        at: destination.location)
                } else if specWideNames.contains(name) || headerNames.contains(name) {
                    log.error(
                        "the destination '\(destination.name)' declares '\(name)', a name generated code declares itself; set swiftName",
                        at: destination.location)
                }
            }
        }
    }

    // MARK: Headers

    private func checkHeaders(into log: inout DiagnosticLog) {
        for kind in spec.protocolDefinition.kinds {
            let stored = kind.header.filter(ResponseShape.isStored)
            checkProperties(stored, in: "the header of kind '\(kind.id.rawValue)'", reserved: Self.reservedHeaderPropertyNames, into: &log)
            checkDeclaredTypes(of: stored, in: "the header of kind '\(kind.id.rawValue)'", namespace: [], into: &log)
        }
    }

    // MARK: Destinations

    private func checkDestination(_ destination: Destination, into log: inout DiagnosticLog) {
        // Generated code inside the namespace names its own types through it, and a variant's code
        // names its destination's types through that one's, so no nested type may hide either.
        let base = spec.base(of: destination)
        let namespace = Set([destination.swiftNamespace] + (base.map { [$0.swiftNamespace] } ?? []))
        var typeNames: [String: SourceLocation] = [:]
        func claim(_ typeName: String, at location: SourceLocation, what: String) {
            if let first = typeNames.updateValue(location, forKey: typeName) {
                log.error("\(what) becomes the Swift type '\(typeName)', which is already declared at \(first); set swiftName on one", at: location)
            } else if SwiftNaming.reservedTypeNames.contains(typeName) || namespace.contains(typeName) {
                log.error("\(what) becomes the Swift type '\(typeName)', a name generated code uses itself; set swiftName", at: location)
            } else if typeName == "Variant", !spec.variants(of: destination).isEmpty {
                log.error(
                    "\(what) becomes the Swift type 'Variant', which the destination declares for the kinds of \(destination.name) it has; rename it",
                    at: location)
            }
        }
        // A variant declares only its own named types; its destination's are checked there.
        for named in destination.types where base?.namedType(named.name) == nil {
            claim(named.name, at: named.location, what: "the type '\(named.name)'")
            switch named.type {
            case .object(let fields):
                checkObject(fields, in: "the type '\(named.name)'", namespace: namespace, into: &log)
            case .enumeration(let values):
                checkEnumCases(values, of: named.name, at: named.location, into: &log)
            default:
                break
            }
        }
        for message in destination.messages {
            if let swiftName = message.swiftName { checkIdentifier(swiftName, at: message.location, into: &log) }
            claim(message.swiftTypeName(in: destination), at: message.location, what: "the message '\(message.displayName)'")
            checkObject(message.body.fields, in: "the body of the message '\(message.displayName)'", namespace: namespace, into: &log)
            if let response = message.response {
                claim(message.swiftResponseTypeName(in: destination), at: response.location, what: "the response to '\(message.displayName)'")
                checkObject(response.body.fields, in: "the body of the response to '\(message.displayName)'", namespace: namespace, into: &log)
            }
        }
    }

    /// An object's properties and the types it declares, and recursively theirs.
    private func checkObject(_ fields: [Field], in what: String, namespace: Set<String>, into log: inout DiagnosticLog) {
        checkProperties(fields, in: what, reserved: [], into: &log)
        checkDeclaredTypes(of: fields, in: what, namespace: namespace, into: &log)
    }

    private func checkProperties(_ fields: [Field], in what: String, reserved: Set<String>, into log: inout DiagnosticLog) {
        var properties: [String: Field] = [:]
        for field in fields {
            let property = FieldNames(field).property
            if let swiftName = field.swiftName { checkIdentifier(swiftName, at: field.location, into: &log) }
            if SwiftNaming.reservedPropertyNames.contains(property) || reserved.contains(property) {
                log.error(
                    "the field '\(field.key)' would become the Swift property '\(property)', which generated code cannot use; set swiftName",
                    at: field.location)
            }
            // The same member twice is the spec checker's to report.
            if let other = properties.updateValue(field, forKey: property), other.memberName != field.memberName {
                log.error(
                    "the fields '\(other.key)' and '\(field.key)' in \(what) both become the Swift property '\(property)'; set swiftName on one",
                    at: field.location)
            }
        }
    }

    /// The objects and enums the fields declare: distinct names, usable ones, and their own members.
    private func checkDeclaredTypes(of fields: [Field], in what: String, namespace: Set<String>, into log: inout DiagnosticLog) {
        var types: [String: Field] = [:]
        for field in fields {
            guard let name = FieldNames(field).declaredType else { continue }
            if let other = types.updateValue(field, forKey: name), other.memberName != field.memberName {
                log.error(
                    "the fields '\(other.key)' and '\(field.key)' in \(what) both declare the Swift type '\(name)'; set swiftName on one",
                    at: field.location)
            }
            if SwiftNaming.reservedTypeNames.contains(name) || namespace.contains(name) {
                log.error(
                    "the field '\(field.key)' would declare the Swift type '\(name)', a name generated code uses itself; set swiftName",
                    at: field.location)
            }
            switch field.type.innermostElement {
            case .object(let members):
                checkProperties(members, in: "'\(field.key)'", reserved: [], into: &log)
                checkDeclaredTypes(of: members, in: "'\(field.key)'", namespace: namespace, into: &log)
            case .enumeration(let values):
                checkEnumCases(values, of: field.key, at: field.location, into: &log)
            default:
                break
            }
        }
    }

    private func checkEnumCases(_ values: [String], of owner: String, at location: SourceLocation, into log: inout DiagnosticLog) {
        var cases: [String: String] = [:]
        for value in values {
            let name = SwiftNaming.propertyName(value)
            if name == "unknown" || SwiftNaming.reservedPropertyNames.contains(name) {
                log.error(
                    "the enum value '\(value)' of '\(owner)' would become the Swift case '\(name)', which generated code reserves",
                    at: location)
            }
            if let other = cases.updateValue(value, forKey: name), other != value {
                log.error("the enum values '\(other)' and '\(value)' of '\(owner)' both become the Swift case '\(name)'", at: location)
            }
        }
    }

    private func checkIdentifier(_ name: String, at location: SourceLocation, into log: inout DiagnosticLog) {
        if !SwiftNaming.isIdentifier(name) {
            log.error("the swiftName '\(name)' is not a Swift identifier (letters, digits, _)", at: location)
        }
    }
}
