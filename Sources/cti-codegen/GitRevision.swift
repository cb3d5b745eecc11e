import Foundation

/// Spec files as they were at a git revision, read with `git` from the repository around the current
/// folder.
struct GitRevision {
    let revision: String

    init(_ revision: String) { self.revision = revision }

    /// The spec files at `path` (a folder or a file, relative to the current folder) at the revision,
    /// each named by the path it has in the working tree, so locations read as on the new side.
    func specFiles(at path: String) throws -> [(path: String, contents: String)] {
        let prefix = try git(["rev-parse", "--show-prefix"]).trimmingCharacters(in: .newlines)
        let relative = prefix + (path.hasSuffix("/") ? String(path.dropLast()) : path)
        let listed = try git(["ls-tree", "-r", "--name-only", "--full-tree", revision, "--", relative])
        let names = listed.split(separator: "\n").map(String.init)
            .filter { $0 == relative || $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
            .sorted()
        guard !names.isEmpty else {
            throw failure("\(revision) has no spec files at '\(path)'")
        }
        return try names.map { name in
            let shown = path.hasSuffix("/") || name != relative ? path.appendingPathSegment(String(name.dropFirst(relative.count + 1))) : path
            return (shown, try git(["show", "\(revision):\(name)"]))
        }
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

extension String {
    /// The path with `segment` appended after one `/`.
    fileprivate func appendingPathSegment(_ segment: String) -> String {
        hasSuffix("/") ? self + segment : self + "/" + segment
    }
}
