import Foundation

/// Spec files as they were at a git revision, read with `git` from the repository around the current
/// folder.
struct GitRevision {
    let revision: String

    init(_ revision: String) { self.revision = revision }

    /// The spec files at `path` (a folder or a file, relative to the current folder) at the revision,
    /// each named as `SpecLoader.specFiles(in:)` names the working tree's, so locations read alike on
    /// both sides.
    func specFiles(at path: String) throws -> [(path: String, contents: String)] {
        // Without --full-tree, git takes and prints paths relative to the current folder.
        let listed = try git(["ls-tree", "-r", "--name-only", revision, "--", path])
        let root = URL(fileURLWithPath: path).standardizedFileURL.path
        let base = path.hasSuffix("/") ? path : path + "/"
        let files = try listed.split(separator: "\n").map(String.init)
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
            .map { name -> (path: String, contents: String) in
                let absolute = URL(fileURLWithPath: name).standardizedFileURL.path
                let shown = absolute == root ? path : base + absolute.dropFirst(root.count + 1)
                return (shown, try git(["show", "\(revision):./\(name)"]))
            }
        guard !files.isEmpty else { throw failure("\(revision) has no spec files at '\(path)'") }
        return files.sorted { $0.path < $1.path }
    }

    /// Runs git and returns its standard output; a failure says what git said.
    private func git(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        do {
            try process.run()
        } catch {
            throw failure("git could not be started (\(error))")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw failure("git \(arguments.joined(separator: " ")): " + String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return String(decoding: data, as: UTF8.self)
    }

    private func failure(_ reason: String) -> GitRevisionError {
        GitRevisionError(description: "error: \(reason)")
    }
}

/// Why the old spec could not be read from git.
struct GitRevisionError: Error, CustomStringConvertible {
    let description: String
}
