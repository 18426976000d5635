"""TensorBoard integration: the loader behind the ``tensorboard_plugins`` entry point."""
