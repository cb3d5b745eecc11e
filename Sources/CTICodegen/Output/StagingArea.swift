import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// New files written beside their output folders, then renamed into place together.
///
/// Each output folder gets its own staging folder in the folder above it,
/// `.<folder name>.cti-codegen-staging-<random>`, so that every rename stays on one file system and is atomic.
struct StagingArea {
    private struct StagedFile {
        var stagedPath: String
        var destination: OutputDestination
    }

    /// Output folders (and folders above them) this run created, in creation order.
    private var createdFolders: [String] = []
    /// The staging folder of each resolved output folder.
    private var stagingFolders: [String: String] = [:]
    private var staged: [StagedFile] = []
    private var committed = false

    /// Writes `data` to the staging folder of `destination`'s output folder, creating the folders as needed,
    /// with the permissions of the file it will replace.
    mutating func stage(_ data: Data, for destination: OutputDestination) throws(OutputError) {
        let stagingFolder = try stagingFolder(for: destination.folder)
        let stagedPath = stagingFolder + "/" + PathResolution.lastComponent(of: destination.path)
        do {
            try data.write(to: URL(fileURLWithPath: stagedPath), options: .withoutOverwriting)
        } catch {
            throw .cannotStage(destination.url, reason: error.localizedDescription)
        }
        var existing = stat()
        if stat(destination.path, &existing) == 0, chmod(stagedPath, existing.st_mode & 0o777) != 0 {
            throw .cannotStage(destination.url, reason: Self.lastErrorText())
        }
        staged.append(StagedFile(stagedPath: stagedPath, destination: destination))
    }

    /// Renames every staged file into place; when one rename fails, the files already moved get their old
    /// bytes back (or are removed when they are new) before the error is thrown.
    mutating func commit() throws(OutputError) {
        var moved: [StagedFile] = []
        for file in staged {
            guard rename(file.stagedPath, file.destination.path) == 0 else {
                let reason = Self.lastErrorText()
                let restored = moved.reversed().map(restore).allSatisfy { $0 }
                throw .cannotMove(file.destination.url, reason: reason, restored: restored)
            }
            moved.append(file)
        }
        committed = true
    }

    /// Removes the staging folders and, unless the files were committed, the folders this run created.
    func discard() {
        for folder in stagingFolders.values {
            try? FileManager.default.removeItem(atPath: folder)
        }
        guard !committed else { return }
        for folder in createdFolders.reversed() {
            _ = rmdir(folder)
        }
    }

    private mutating func stagingFolder(for outputFolder: String) throws(OutputError) -> String {
        if let existing = stagingFolders[outputFolder] { return existing }
        try createFolder(outputFolder)
        let random = String(UInt64.random(in: .min ... .max), radix: 16)
        let name = "." + PathResolution.lastComponent(of: outputFolder) + ".cti-codegen-staging-" + random
        let parent = PathResolution.parent(of: outputFolder)
        let path = parent == "/" ? "/" + name : parent + "/" + name
        guard mkdir(path, 0o700) == 0 else {
            throw .cannotCreateFolder(URL(fileURLWithPath: path), reason: Self.lastErrorText())
        }
        stagingFolders[outputFolder] = path
        return path
    }

    /// Creates `folder` and any missing folders above it, remembering each one created.
    private mutating func createFolder(_ folder: String) throws(OutputError) {
        var missing: [String] = []
        var probe = folder
        while probe != "/", PathResolution.kind(atPath: probe) == .missing {
            missing.append(probe)
            probe = PathResolution.parent(of: probe)
        }
        for path in missing.reversed() {
            guard mkdir(path, 0o777) == 0 else {
                throw .cannotCreateFolder(URL(fileURLWithPath: path), reason: Self.lastErrorText())
            }
            createdFolders.append(path)
        }
    }

    /// Puts a moved file's old bytes back, or removes it when it was new; returns whether that worked.
    private func restore(_ file: StagedFile) -> Bool {
        guard let old = file.destination.existing else { return unlink(file.destination.path) == 0 }
        let backup = file.stagedPath + ".restore"
        guard (try? old.write(to: URL(fileURLWithPath: backup), options: .withoutOverwriting)) != nil else {
            return false
        }
        var moved = stat()
        if stat(file.destination.path, &moved) == 0 { _ = chmod(backup, moved.st_mode & 0o777) }
        return rename(backup, file.destination.path) == 0
    }

    private static func lastErrorText() -> String {
        String(cString: strerror(errno))
    }
}
