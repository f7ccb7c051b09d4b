/** The Docker host's pinned images and memory limits; the facts behind them live with the specs in lib/containers. */
export { DEFAULT_IMAGES, DEFAULT_MEMORY_MB, isPinned } from '../../containers/images';
export type { ImageKey as DockerComponent } from '../../containers/spec';
