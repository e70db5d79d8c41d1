namespace Cunzhi.Web.Tests.Infrastructure;

// Every HTTP test class is written once as an abstract generic class and run against each
// provider by the sealed classes in the test files (suffix _Sqlite / _Postgres).
// PostgreSQL runs carry the trait Category=Postgres so ./test.sh can exclude them (loudly) where
// no server is available outside CI.
