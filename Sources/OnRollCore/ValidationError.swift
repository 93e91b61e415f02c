/// A value that failed its rule, with a message a person can act on.
/// Field, file and line are added by whoever knows them (importer, CLI).
public struct ValidationError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public var field: String?

    public init(_ message: String, field: String? = nil) {
        self.message = message
        self.field = field
    }

    public var description: String { field.map { "\($0): \(message)" } ?? message }
}
