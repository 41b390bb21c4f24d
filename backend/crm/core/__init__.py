"""What every module uses: base model, ids, money, connections and filters, errors, policy."""
