"""Runs moto in server mode for the sandbox, with speed fixes that change no answer.

Each fix removes work that grows with use; see docs/emulator-fidelity.md for the figures.

1. EventBridge delivers each event to its targets through an input template, parsing eight
   JSONPath expressions with jsonpath-ng per event and target; jsonpath-ng builds a new parser
   for every parse (about 80 ms each, far more when request threads build it at once). The
   parsed expressions are immutable: each is parsed once, the first thread to need it parsing
   it while the others wait.
2. Every request looks up its service in the list of moto's modules, which moto rebuilds by
   listing its package directory (one `stat` per module, about 15 ms here) while holding the
   server's global lock, so requests queue behind it. The list never changes: it is cached.
3. SQS computes a queue's approximate message counts (a scan of all its messages, each message
   reading the clock through datetime arithmetic) on every send, and three times on every
   delete, then deletes a message in two passes over the whole queue, rebuilding it; a queue
   holding thousands of messages then slows every request. Sends do not use the counts, and a
   delete only needs the retention period: both skip them. A delete stops at the message it
   looks for (consumers delete what they received, near the head of the queue) and removes
   it in place. The clock is read with `time.time()`, the same milliseconds since the epoch.
4. DynamoDB's TransactWriteItems deep-copies every table it touches before writing, to roll back
   if a condition fails: seconds per transaction once the demo bank's 18,000 items are in the
   main table (a customer edit, a consent, a login link). Transactions now first check their
   conditions; when all hold (nothing will be rolled back) the tables are not copied. When one
   fails, the transaction is cancelled with the reasons and old items moto would give, without
   writing anything (moto writes, then restores its copies). Anything unusual (two operations
   on one item, an unknown table) takes moto's own path. They also
   run one at a time, which makes them atomic with respect to each other.
5. DynamoDB parses a condition expression from its text for every item, up to four times per
   item of a transaction (the request's validation, fix 4's check, moto's check, the put), and
   an update expression twice: of a 100-claim transaction's CPU, more than half. The parsed
   trees are never changed once built (evaluating them reads the item; moto's update validator
   works on a deep copy), so each is parsed once per (text, names, values) and reused. The
   names and values are part of the key because the parser resolves them into the tree (the
   tree holds its own copies); a parse that fails is not cached and fails again as before.
6. A transaction whose conditions fix 4 found to hold had them evaluated again by moto, twice
   per item (its own check and the put's), to no effect: fix 4 now holds one lock over every
   DynamoDB write (item writes, batches, PartiQL, transactions), so nothing can change those
   items between its check and the writes, and moto writes them without their conditions.
   This also makes a transaction atomic with respect to every other write, as in DynamoDB:
   before, a write landing between the check and moto's writes could leave half a transaction.
"""
import copy
import functools
import json
import os
import sys
import threading
import time

import jsonpath_ng.ext

_parse_jsonpath = jsonpath_ng.ext.parse
_parsed_jsonpaths: dict[tuple[str, bool], object] = {}
_parsing_jsonpath = threading.Lock()


def _parse_jsonpath_once(path: str, debug: bool = False) -> object:
    """One parse per expression, even when many request threads need it at once."""
    key = (path, debug)
    if key not in _parsed_jsonpaths:
        with _parsing_jsonpath:
            if key not in _parsed_jsonpaths:
                _parsed_jsonpaths[key] = _parse_jsonpath(path, debug)
    return _parsed_jsonpaths[key]


# Before any moto module imports `parse` by name.
jsonpath_ng.ext.parse = _parse_jsonpath_once

import moto.backends  # noqa: E402
import moto.dynamodb.models as dynamodb  # noqa: E402
import moto.dynamodb.comparisons as dynamodb_conditions  # noqa: E402
import moto.dynamodb.exceptions as dynamodb_exceptions  # noqa: E402
from moto.dynamodb.parsing.expressions import UpdateExpressionParser  # noqa: E402
import moto.sqs.models as sqs  # noqa: E402
from moto.sqs.exceptions import ReceiptHandleIsInvalid  # noqa: E402

moto.backends.list_of_moto_modules = functools.cache(
    lambda modules=moto.backends.list_of_moto_modules: tuple(modules())
)

_exact_millis = sqs.unix_time_millis
sqs.unix_time_millis = lambda dt=None: time.time() * 1000.0 if dt is None else _exact_millis(dt)

_sending = threading.local()


def _skipped_while_sending(count: property) -> property:
    return property(lambda queue: 0 if getattr(_sending, "active", False) else count.fget(queue))


for _name in (
    "approximate_number_of_messages",
    "approximate_number_of_messages_delayed",
    "approximate_number_of_messages_not_visible",
):
    setattr(sqs.Queue, _name, _skipped_while_sending(getattr(sqs.Queue, _name)))

_send_message = sqs.SQSBackend.send_message


def _send_without_counts(self, *args, **kwargs):  # type: ignore[no-untyped-def]
    _sending.active = True
    try:
        return _send_message(self, *args, **kwargs)
    finally:
        _sending.active = False


def _within_retention(self, queue_name, message):  # type: ignore[no-untyped-def]
    retention = self.get_queue(queue_name).message_retention_period
    return retention + message.sent_timestamp / 1000 > time.time()


def _delete_in_place(self, receipt_handle):  # type: ignore[no-untyped-def]
    if receipt_handle in self.deleted_messages:
        return  # already deleted: deleting it again succeeds
    for index, message in enumerate(self._messages):
        if message.receipt_handle == receipt_handle or receipt_handle in message._old_receipt_handles:
            del self._messages[index]
            self.pending_messages.discard(message)
            self.deleted_messages.update(message.all_receipt_handles)
            return
    raise ReceiptHandleIsInvalid()


sqs.SQSBackend.send_message = _send_without_counts
sqs.Queue.delete_message = _delete_in_place
sqs.SQSBackend.is_message_valid_based_on_retention_period = _within_retention

# Fix 5. Every call site builds a ConditionExpressionParser and calls `parse`, and calls
# `UpdateExpressionParser.make`: patching those two reaches them all.
_parse_condition = dynamodb_conditions.ConditionExpressionParser.parse


@functools.lru_cache(maxsize=4096)  # thread-safe; bounded, since values vary (e.g. versions)
def _condition_tree(expression, names, values):  # type: ignore[no-untyped-def]
    # Parsed from copies of the names and values, so the shared tree holds no request's dicts.
    parser = dynamodb_conditions.ConditionExpressionParser(expression, json.loads(names), json.loads(values))
    tree = _parse_condition(parser)
    return tree, tuple(parser.expr_attr_names_found), tuple(parser.expr_attr_values_found)


def _parse_condition_once(self):  # type: ignore[no-untyped-def]
    """moto's parse, answered from the cache: the same tree, and the same names and values found
    (the request's validation reads them to refuse unused ones)."""
    try:
        key = (
            self.condition_expression,
            json.dumps(self.expression_attribute_names),
            json.dumps(self.expression_attribute_values),
        )
        hash(key)
    except (TypeError, ValueError):  # not JSON (not from a request body): parsed as before
        return _parse_condition(self)
    tree, names, values = _condition_tree(*key)
    self.expr_attr_names_found.extend(names)
    self.expr_attr_values_found.extend(values)
    return tree


_parse_update = UpdateExpressionParser.make
_update_tree = functools.lru_cache(maxsize=1024)(_parse_update)


def _parse_update_once(expression):  # type: ignore[no-untyped-def]
    # The tree of an update expression depends on its text only (names and values are resolved
    # later, on the validator's deep copy); callers only read it.
    return _update_tree(expression) if isinstance(expression, str) else _parse_update(expression)


dynamodb_conditions.ConditionExpressionParser.parse = _parse_condition_once
UpdateExpressionParser.make = staticmethod(_parse_update_once)

_transact_write_items = dynamodb.DynamoDBBackend.transact_write_items
# Fix 4 (transactions one at a time) and 6: one lock over every DynamoDB write, re-entrant since
# moto's batches and transactions write through put_item, delete_item and update_item.
_writing = threading.RLock()
_without_rollback = threading.local()


def _one_write_at_a_time(write):  # type: ignore[no-untyped-def]
    @functools.wraps(write)
    def locked(*args, **kwargs):  # type: ignore[no-untyped-def]
        with _writing:
            return write(*args, **kwargs)

    return locked


# BatchWriteItem writes through put_item and delete_item; ExecuteTransaction and
# BatchExecuteStatement through execute_statement.
for _name in ("put_item", "update_item", "delete_item", "execute_statement"):
    setattr(dynamodb.DynamoDBBackend, _name, _one_write_at_a_time(getattr(dynamodb.DynamoDBBackend, _name)))


class _CopyUnlessCommitting:
    """moto's `copy` module, except that a table is not copied for a transaction sure to commit."""

    def __getattr__(self, name: str) -> object:
        return getattr(copy, name)

    @staticmethod
    def deepcopy(value, memo=None):  # type: ignore[no-untyped-def]
        if getattr(_without_rollback, "active", False) and isinstance(value, dynamodb.Table):
            return value
        return copy.deepcopy(value, memo)


def _condition_outcomes(backend, transact_items):  # type: ignore[no-untyped-def]
    """Each operation's cancellation reason as moto gives it (None when its condition holds), or
    None for the whole transaction when anything is unusual (moto's own path then answers)."""
    seen = set()
    outcomes = []
    try:
        for item in transact_items:
            (kind, operation), *others = item.items()
            table = backend.tables[operation["TableName"]]
            if others or kind not in ("ConditionCheck", "Put", "Delete", "Update"):
                return None
            if kind == "Put":
                key_names = [table.hash_key_attr] + ([table.range_key_attr] if table.range_key_attr else [])
                key = {name: operation["Item"][name] for name in key_names}
            else:
                key = operation["Key"]
            target = (table.name, repr(sorted(key.items())))
            if target in seen:
                return None
            seen.add(target)
            condition = operation.get("ConditionExpression")
            current = backend.get_item(table.name, key)
            if condition is None or dynamodb.get_filter_expression(
                condition,
                operation.get("ExpressionAttributeNames"),
                operation.get("ExpressionAttributeValues"),
            ).expr(current):
                outcomes.append((None, None, None))
                continue
            found = None
            if operation.get("ReturnValuesOnConditionCheckFailure") == "ALL_OLD" and current:
                found = current.to_json()["Attributes"]
            outcomes.append(("ConditionalCheckFailed", "The conditional request failed", found))
    except Exception:  # noqa: BLE001  (anything odd: moto's own path decides and answers)
        return None
    return outcomes


def _without_conditions(transact_items):  # type: ignore[no-untyped-def]
    """The operations without the conditions just checked (fix 6); the rest is unchanged."""
    return [
        {kind: {name: value for name, value in operation.items() if name != "ConditionExpression"}}
        for item in transact_items
        for kind, operation in item.items()
    ]


def _transact_without_copies(self, transact_items):  # type: ignore[no-untyped-def]
    with _writing:
        outcomes = _condition_outcomes(self, transact_items)
        if outcomes is None:
            return _transact_write_items(self, transact_items)
        if any(code is not None for code, _, _ in outcomes):
            # What moto's path answers after writing, rolling back and restoring its copies.
            raise dynamodb_exceptions.TransactionCanceledException(outcomes)
        _without_rollback.active = True
        try:
            # Every condition holds, and no write can come in before these (fix 6): moto need not
            # evaluate them again (twice per item).
            return _transact_write_items(self, _without_conditions(transact_items))
        finally:
            _without_rollback.active = False


dynamodb.copy = _CopyUnlessCommitting()
dynamodb.DynamoDBBackend.transact_write_items = _transact_without_copies

from moto.server import main  # noqa: E402  (after the patches, which moto reads at call time)


def exit_with_parent() -> None:
    """Stops moto when the sandbox that started it is gone, even if it was killed outright."""
    parent = os.getppid()
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(0)


if __name__ == "__main__":
    threading.Thread(target=exit_with_parent, daemon=True).start()
    sys.exit(main())
