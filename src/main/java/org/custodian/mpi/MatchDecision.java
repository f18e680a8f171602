package org.custodian.mpi;

/** What the MPI concludes about a pair: the same person, a person must look, or two people. */
public sealed interface MatchDecision {
    /** The stable code written to files and the database. */
    String code();

    record AutoLink() implements MatchDecision {
        @Override
        public String code() {
            return "auto-link";
        }
    }

    record Review(String reason) implements MatchDecision {
        @Override
        public String code() {
            return "review";
        }
    }

    record NoMatch() implements MatchDecision {
        @Override
        public String code() {
            return "no-match";
        }
    }
}
