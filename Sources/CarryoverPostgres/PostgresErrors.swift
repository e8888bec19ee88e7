#if Postgres
    import CarryoverStore
    import PostgresNIO

    /// Turns PostgreSQL's errors into `StoreError`s that say what to do.
    ///
    /// The server's message is not passed on: its DETAIL can quote values.
    enum PostgresErrors {
        static func map(_ error: any Error) -> any Error {
            if error is StoreError || error is ImportRolledBack { return error }
            if let body = error as? EngineBodyError { return body.error }
            if let transaction = error as? PostgresTransactionError {
                let inner =
                    transaction.closureError ?? transaction.beginError ?? transaction.commitError
                return inner.map(map) ?? error
            }
            guard let error = error as? PSQLError else {
                return StoreError(
                    .io, "The database could not be used (\(type(of: error))); try again.",
                    cause: error)
            }
            guard let state = error.serverInfo?[.sqlState] else {
                return StoreError(
                    .io,
                    "The database server could not be reached; check the URL, the "
                        + "server and the network, then try again.", cause: error)
            }
            if state.hasPrefix("CR"), let message = error.serverInfo?[.message] {
                return clinic(state, message)
            }
            switch state {
            case "42501":
                return StoreError(.permissionDenied, denied, cause: error)
            case "40001", "40P01", "55P03":
                return StoreError(
                    .locked,
                    "The database was busy with another change (SQLSTATE \(state)); nothing was "
                        + "written: run the command again.", cause: error)
            case "25006":
                return StoreError(
                    .readOnly,
                    "This command opened the practice read-only and cannot change it (a bug in "
                        + "carryover); nothing was written.", cause: error)
            case "28P01", "28000":
                return StoreError(
                    .io,
                    "The database refused the login; check the user and password in the URL "
                        + "(a clinic account may also have been disabled by an admin).",
                    cause: error)
            case "3D000":
                return StoreError(
                    .notFound, "The database named in the URL does not exist; create it first.",
                    cause: error)
            case "23505":
                return StoreError(
                    .duplicate, "An object with this id already exists; choose another id.",
                    cause: error)
            case "P0001":
                return StoreError(
                    .conflict,
                    "Audit and ledger records cannot be changed or deleted; nothing was written.",
                    cause: error)
            case let code where code.hasPrefix("23"):
                return StoreError(
                    .conflict,
                    "The change breaks a rule of the practice (SQLSTATE \(code)); "
                        + "nothing was written. Check the ids you gave.", cause: error)
            case let code where code.hasPrefix("53") || code.hasPrefix("58"):
                return StoreError(
                    .io, "The database server ran out of resources (SQLSTATE \(code)).",
                    cause: error)
            default:
                return StoreError(
                    .io,
                    "The database refused the change (SQLSTATE \(state)); nothing was written.",
                    cause: error)
            }
        }

        /// What a refusal by row-level security or a missing grant says: the
        /// server's own text would name tables and policies, never what to do.
        static let denied =
            "The database refused this for your account: you change only the clients on your "
            + "own caseload (a supervisor reads a supervisee's clients but changes none; an admin "
            + "manages accounts and caseloads); nothing was written."

        /// Errors raised by the clinic's own functions (class `CR`, see
        /// ``ClinicFunctions``): their messages are carryover's and name ids only.
        static func clinic(_ state: String, _ message: String) -> StoreError {
            let code: StoreError.Code =
                switch state {
                case "CRDEN": .permissionDenied
                case "CRNFD": .notFound
                case "CRDUP": .duplicate
                case "CRCON": .conflict
                default: .invalidInput
                }
            return StoreError(code, message)
        }
    }
#endif
