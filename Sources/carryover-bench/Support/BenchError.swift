/// A benchmark that could not run: its setup or a baseline failed.
struct BenchError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) { self.description = description }
}
