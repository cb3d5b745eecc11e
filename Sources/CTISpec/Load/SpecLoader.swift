import Foundation
import Yams

/// What loading a spec produced: the spec when it has no errors, and every diagnostic in file order.
public struct LoadResult: Sendable {
    /// The loaded and checked spec; nil when any error was found.
    public var spec: Spec?
    /// Every diagnostic, sorted by file, line and column.
    public var diagnostics: [Diagnostic]

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// Loads spec files, builds the model and runs the semantic checks.
public struct SpecLoader: Sendable {
    /// The bounds loading respects.
    public var limits: LoadLimits
    /// Checks run after the loader's own, on every spec that could be assembled (a generator's checks
    /// of the names it will declare).
    public var checks: [any SpecCheck]

    /// Creates a loader.
    public init(limits: LoadLimits = .default, checks: [any SpecCheck] = []) {
        self.limits = limits
        self.checks = checks
    }

    /// The spec files a path names: the file itself, or every `.yaml`/`.yml` file below a folder,
    /// sorted by path so that every run sees them in the same order.
    public static func specFiles(in path: String) throws -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw SpecFileError(path: path, reason: "no such file or folder")
        }
        guard isFolder.boolValue else { return [path] }
        guard let walker = FileManager.default.enumerator(atPath: path) else {
            throw SpecFileError(path: path, reason: "the folder cannot be read")
        }
        let base = path.hasSuffix("/") ? path : path + "/"
        return walker.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
            .sorted()
            .map { base + $0 }
    }

    /// Loads the files and folders at `paths`.
    public func load(paths: [String]) -> LoadResult {
        var log = DiagnosticLog()
        var names: [String] = []
        for path in paths {
            do {
                names += try Self.specFiles(in: path)
            } catch let problem as SpecFileError {
                log.error(problem.reason, at: SourceLocation(file: problem.path, line: 1, column: 1))
            } catch {
                log.error("\(error)", at: SourceLocation(file: path, line: 1, column: 1))
            }
        }
        if let problem = tooManyFiles(names.count, first: names.first ?? paths.first ?? "spec") {
            return LoadResult(spec: nil, diagnostics: log.sorted + [problem])
        }
        var files: [(path: String, contents: String)] = []
        for file in names {
            switch read(file) {
            case .success(let contents): files.append((file, contents))
            case .failure(let problem): log.error(problem.reason, at: SourceLocation(file: file, line: 1, column: 1))
            }
        }
        // Nothing readable: the read errors say all there is to say.
        if files.isEmpty, log.hasErrors { return LoadResult(spec: nil, diagnostics: log.sorted) }
        var result = load(files: files)
        result.diagnostics = (log.sorted + result.diagnostics)
        if log.hasErrors { result.spec = nil }
        return result
    }

    /// Loads specs from text: each entry is a file's path (used in diagnostics) and its contents.
    ///
    /// The files are read concurrently; each is independent until the spec they make is checked as a whole.
    public func load(files: [(path: String, contents: String)]) -> LoadResult {
        if let problem = tooManyFiles(files.count, first: files.first?.path ?? "spec") {
            return LoadResult(spec: nil, diagnostics: [problem])
        }
        var log = DiagnosticLog()
        var protocols: [ProtocolDefinition] = []
        var destinations: [Destination] = []
        let loaded = files.concurrentMap(load(file:))
        for file in loaded {
            file.protocolDefinition.map { protocols.append($0) }
            file.destination.map { destinations.append($0) }
            log.append(contentsOf: file.log)
        }
        // Counted as the files are read (no file reads more than the limit), before anything is checked
        // across them.
        let listed = loaded.reduce(0) { $0 + $1.listedMessages }
        if listed > limits.maxMessages {
            let location =
                destinations.lazy.flatMap(\.messages).dropFirst(limits.maxMessages).first?.location
                ?? loaded.lazy.compactMap(\.firstUnreadMessage).first ?? SourceLocation(file: files[0].path, line: 1, column: 1)
            log.error(
                "the spec has \(listed) messages, more than the limit of \(limits.maxMessages); raise the limit (--max-messages, or limits.maxMessages in cti-codegen.yaml) or split the spec",
                at: location)
            return LoadResult(spec: nil, diagnostics: log.sorted)
        }
        let spec = assemble(protocols: protocols, destinations: destinations, log: &log)
        if let spec {
            SpecChecker(spec: spec).check(into: &log)
            for check in checks { check.check(spec, into: &log) }
        }
        return LoadResult(spec: log.hasErrors ? nil : spec, diagnostics: log.sorted)
    }

    /// What one spec file holds: protocol definitions or a destination (or neither, when it cannot be
    /// read), and the file's diagnostics.
    private struct LoadedFile: Sendable {
        var protocolDefinition: ProtocolDefinition?
        var destination: Destination?
        var log = DiagnosticLog()
        /// How many messages a destination file lists, and where the first one it did not read is.
        var listedMessages = 0
        var firstUnreadMessage: SourceLocation?
    }

    /// Reads one file's text into the model, without looking at the other files.
    private func load(file: (path: String, contents: String)) -> LoadedFile {
        let (path, contents) = file
        var loaded = LoadedFile()
        guard contents.utf8.count <= limits.maxFileBytes else {
            loaded.log.error(tooLarge(contents.utf8.count), at: SourceLocation(file: path, line: 1, column: 1))
            return loaded
        }
        let reader = YAMLReader(file: path, nodeLimit: limits.maxNodesPerFile, messageLimit: limits.maxMessages)
        switch compose(contents, path: path) {
        case .failure(let diagnostic):
            loaded.log.error(diagnostic.message, at: diagnostic.location)
        case .success(nil):
            loaded.log.error(
                "the file is empty; a spec file starts with 'protocol:' or 'destination:'",
                at: SourceLocation(file: path, line: 1, column: 1))
        case .success(let root?):
            if case .mapping(let mapping) = root, mapping.keys.contains(where: { $0.string == "protocol" }) {
                loaded.protocolDefinition = reader.protocolDefinition(root)
            } else if case .mapping(let mapping) = root,
                mapping.keys.contains(where: { $0.string == "destination" })
            {
                loaded.destination = reader.destination(root)
            } else {
                reader.error(
                    "a spec file must start with 'protocol:' (protocol definitions) or 'destination:' (a destination's messages)",
                    at: root)
            }
        }
        loaded.log.append(contentsOf: reader.log)
        loaded.listedMessages = reader.listedMessages
        loaded.firstUnreadMessage = reader.firstUnreadMessage
        return loaded
    }

    private func assemble(
        protocols: [ProtocolDefinition], destinations: [Destination], log: inout DiagnosticLog
    ) -> Spec? {
        for extra in protocols.dropFirst() {
            log.error(
                "protocol definitions are already given in \(protocols[0].file); a spec has one protocol file",
                at: extra.location)
        }
        guard let protocolDefinition = protocols.first ?? bundledProtocol(log: &log) else { return nil }
        return Spec(
            protocolDefinition: protocolDefinition, destinations: VariantJoiner(destinations: destinations).joined(into: &log))
    }

    /// The error for `count` spec files when that is over the limit.
    private func tooManyFiles(_ count: Int, first: String) -> Diagnostic? {
        guard count > limits.maxSpecFiles else { return nil }
        return Diagnostic(
            .error, at: SourceLocation(file: first, line: 1, column: 1),
            "the spec paths hold \(count) spec files, more than the limit of \(limits.maxSpecFiles); raise the limit (--max-spec-files, or limits.maxSpecFiles in cti-codegen.yaml) or give fewer paths")
    }

    /// The shipped protocol definitions, for inputs that bring none of their own.
    private func bundledProtocol(log: inout DiagnosticLog) -> ProtocolDefinition? {
        // cti-codegen's own file: the user's limits are for what the user gives.
        let reader = YAMLReader(file: BundledProtocol.path, nodeLimit: .max)
        guard case .success(let root?) = compose(BundledProtocol.yaml, path: BundledProtocol.path) else { return nil }
        let definition = reader.protocolDefinition(root)
        log.append(contentsOf: reader.log)
        return definition
    }

    private func read(_ path: String) -> Result<String, SpecFileError> {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return .failure(SpecFileError(path: path, reason: "the file cannot be opened"))
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: limits.maxFileBytes + 1) ?? Data()
        } catch {
            return .failure(SpecFileError(path: path, reason: "the file cannot be read: \(error.localizedDescription)"))
        }
        guard data.count <= limits.maxFileBytes else {
            return .failure(SpecFileError(path: path, reason: tooLarge(nil)))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(SpecFileError(path: path, reason: "the file is not valid UTF-8; save it as UTF-8"))
        }
        return .success(text)
    }

    private func tooLarge(_ size: Int?) -> String {
        let actual = size.map { " (\($0) bytes)" } ?? ""
        return "the file is larger than the limit of \(limits.maxFileBytes) bytes\(actual); split it into several destination files"
    }

    private func compose(_ text: String, path: String) -> Result<Node?, Diagnostic> {
        do {
            return .success(try YAMLReader.compose(text))
        } catch let error as YamlError {
            return .failure(YAMLErrorDiagnostic.make(error, path: path))
        } catch {
            return .failure(Diagnostic(.error, at: SourceLocation(file: path, line: 1, column: 1), "\(error)"))
        }
    }
}

/// A check a spec's consumer adds to the loader's own: a generator checks that the names it will
/// declare are valid and distinct in its language.
public protocol SpecCheck: Sendable {
    /// Appends a diagnostic for every problem in `spec`.
    func check(_ spec: Spec, into log: inout DiagnosticLog)
}

/// A spec path that cannot be read.
public struct SpecFileError: Error, Sendable, CustomStringConvertible {
    /// The path.
    public var path: String
    /// What is wrong.
    public var reason: String

    /// `path: error: reason`.
    public var description: String { "\(path): error: \(reason)" }
}
